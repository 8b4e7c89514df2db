import { copyField } from './pg-copy';

describe('copyField', () => {
  it("escapes what COPY's text format would read as a separator, a line end or an escape; NULL is \\N", () => {
    expect(copyField('arn:aws:ec2:us-east-1:1:instance/i-1')).toBe('arn:aws:ec2:us-east-1:1:instance/i-1');
    expect(copyField('a\tb\\c\nd\re')).toBe('a\\tb\\\\c\\nd\\re');
    expect(copyField('{"Name":"say \\"hi\\""}')).toBe('{"Name":"say \\\\"hi\\\\""}');
    expect(copyField(null)).toBe('\\N');
  });
});
