import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const TYPES = ['string', 'integer', 'decimal', 'money', 'boolean', 'date', 'timestamp', 'id', 'email', 'phone', 'url', 'currency_code', 'json'];

export class OntologyFieldDto {
  @ApiProperty({ example: 'BilledCost' })
  name: string;

  @ApiProperty({ enum: TYPES })
  type: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ type: [String], description: 'Names the same concept goes by in real exports.' })
  synonyms: string[];

  @ApiPropertyOptional({ type: [String] })
  samples?: string[];

  @ApiProperty()
  required: boolean;
}

export class OntologyEntityDto {
  @ApiProperty({ example: 'CostLineItem' })
  name: string;

  @ApiProperty({ enum: ['finops', 'revops'] })
  domain: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ type: [String] })
  keyFields: string[];

  @ApiProperty({ type: [OntologyFieldDto] })
  fields: OntologyFieldDto[];
}

export class OntologyDto {
  @ApiProperty({ example: '1.0.0' })
  version: string;

  @ApiProperty({ type: [OntologyEntityDto] })
  entities: OntologyEntityDto[];
}
