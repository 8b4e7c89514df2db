// No MongoDB server exists on these machines: this spec covers what the driver allows without one
// (conversion, query construction, connection-string checks, the unreachable-server message).
// Reads against a real server are untested; see the report / README.
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { Binary, Decimal128, Long, ObjectId, Timestamp, UUID } from 'mongodb';
import { inferSchema } from '../schema/schema.inferrer';
import { MongoConfig, MongoCredentials } from './mongodb-connection.dto';
import { documentValues, encodeCursor, incrementalQuery, MongoConnector } from './mongodb.connector';
import { SourceErrorCode } from './source.errors';

describe('MongoDB document → record', () => {
  const id = new ObjectId('65a1b2c3d4e5f60718293a4b');
  const document = {
    _id: id,
    total: Decimal128.fromString('12345678901234567890.1234'),
    tiny: Decimal128.fromString('1.5E-8'),
    createdAt: new Date('2025-01-31T23:59:59.123Z'),
    paid: true,
    quantity: 3,
    rate: 0.1,
    views: Long.fromString('9007199254740993'),
    note: null,
    customer: { name: 'Acme', since: new Date('2020-05-01T00:00:00Z'), account: new ObjectId('65a1b2c3d4e5f60718293a4c'), credit: Decimal128.fromString('100.50') },
    tags: ['a', 'b'],
    token: new UUID('0b2ab1f6-9f3d-4c6a-8a1e-2a7c3c6c9d10'),
    blob: new Binary(Buffer.from('hi')),
    oplog: new Timestamp({ t: 1700000000, i: 1 }),
  };

  it('turns every value into exact text, nested documents and arrays into JSON', () => {
    expect(documentValues(document)).toEqual({
      _id: '65a1b2c3d4e5f60718293a4b',
      total: '12345678901234567890.1234',
      tiny: '0.000000015',
      createdAt: '2025-01-31T23:59:59.123Z',
      paid: 'true',
      quantity: '3',
      rate: '0.1',
      views: '9007199254740993',
      note: null,
      customer: '{"name":"Acme","since":"2020-05-01T00:00:00.000Z","account":"65a1b2c3d4e5f60718293a4c","credit":"100.50"}',
      tags: '["a","b"]',
      token: '0b2ab1f6-9f3d-4c6a-8a1e-2a7c3c6c9d10',
      blob: 'aGk=',
      oplog: '{"$timestamp":{"t":1700000000,"i":1}}',
    });
  });

  it('gives sampled documents a schema with our logical types; fields missing from some documents are nullable', () => {
    const schema = inferSchema([documentValues(document), documentValues({ _id: new ObjectId(), total: Decimal128.fromString('5'), extra: 'x' })]);
    const types = Object.fromEntries(schema.columns.map((c) => [c.name, [c.type, c.nullable]]));
    expect(types).toMatchObject({
      _id: ['id', false],
      total: ['decimal', false],
      createdAt: ['timestamp', true],
      paid: ['boolean', true],
      customer: ['json', true],
      tags: ['json', true],
      token: ['id', true],
      extra: ['string', true],
    });
  });
});

describe('MongoDB incremental queries', () => {
  it('reads everything, in _id order, for a full sync', () => {
    expect(incrementalQuery('_id', null)).toEqual({ filter: {}, sort: { _id: 1 } });
    expect(incrementalQuery('updatedAt', null)).toEqual({ filter: {}, sort: { updatedAt: 1, _id: 1 } });
  });

  it('reads strictly after an ObjectId cursor: _id is unique', () => {
    const last = new ObjectId('65a1b2c3d4e5f60718293a4b');
    const cursor = encodeCursor(last);
    expect(cursor).toBe('{"v":{"$oid":"65a1b2c3d4e5f60718293a4b"}}');
    const { filter, sort } = incrementalQuery('_id', cursor);
    expect(sort).toEqual({ _id: 1 });
    const bound = (filter._id as { $gt: ObjectId }).$gt;
    expect(bound).toBeInstanceOf(ObjectId); // a string would never compare equal to an ObjectId
    expect(bound.equals(last)).toBe(true);
  });

  it('reads from an updated-at cursor inclusively, keeping its BSON type', () => {
    const stamp = new Date('2025-02-01T10:00:00.123Z');
    const { filter, sort } = incrementalQuery('updatedAt', encodeCursor(stamp));
    expect(filter).toEqual({ updatedAt: { $gte: stamp } });
    expect(sort).toEqual({ updatedAt: 1, _id: 1 });

    const version = incrementalQuery('version', encodeCursor(Decimal128.fromString('10.50'))).filter.version as { $gte: Decimal128 };
    expect(version.$gte).toBeInstanceOf(Decimal128);
    expect(version.$gte.toString()).toBe('10.50');
  });

  it('refuses a cursor that is not one of ours', () => {
    expect(() => incrementalQuery('_id', '2025-01-01')).toThrow(expect.objectContaining({ code: SourceErrorCode.InvalidConfig, message: expect.stringContaining('run a full sync') }));
  });
});

describe('MongoConnector without a server', () => {
  const config: MongoConfig = { database: 'crm', serverSelectionTimeoutMs: 300 };

  it('says no server answered when nothing listens on the port', async () => {
    const source = new MongoConnector(config, { uri: 'mongodb://reader:s3cret@127.0.0.1:1/?directConnection=true' });
    const result = await source.test();
    await source.close();
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^no MongoDB server answered at 127\.0\.0\.1:1 within 300 ms \(.*ECONNREFUSED.*\): check the host and port/);
    expect(result.message).not.toContain('s3cret');
  });

  it('fails a read with the same clear error', async () => {
    const source = new MongoConnector(config, { uri: 'mongodb://127.0.0.1:1/?directConnection=true' });
    const reading = (async () => {
      for await (const batch of source.read({ stream: 'orders', batchSize: 10 })) void batch;
    })();
    await expect(reading).rejects.toMatchObject({ code: SourceErrorCode.Unreachable, kind: 'bad_gateway' });
    await source.close();
  });

  it('says when the connection string is not valid', async () => {
    const source = new MongoConnector(config, { uri: 'mongodb://127.0.0.1:27017/?readPreference=sometimes' });
    const result = await source.test();
    await source.close();
    expect(result).toEqual({ ok: false, message: 'the MongoDB connection string is not valid: Invalid read preference mode "sometimes"' });
  });

  it('validates the connection settings', async () => {
    const credentials = plainToInstance(MongoCredentials, { uri: 'postgres://u@h/db' });
    expect((await validate(credentials)).map((e) => e.property)).toEqual(['uri']);
    const settings = plainToInstance(MongoConfig, { database: 'a.b', sampleSize: 0 });
    expect((await validate(settings)).map((e) => e.property).sort()).toEqual(['database', 'sampleSize']);
    expect(await validate(plainToInstance(MongoCredentials, { uri: 'mongodb+srv://u:p@cluster0.example.net/?retryWrites=true' }))).toEqual([]);
  });
});
