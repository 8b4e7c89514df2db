import { LlmModule } from '@autonomos/llm';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProposeRepairHandler } from './commands/propose-repair/propose-repair.handler';
import { RememberMappingHandler } from './commands/remember-mapping/remember-mapping.handler';
import { MappingMemoryEntity } from './entities/mapping-memory.entity';
import { MatchColumnsHandler } from './queries/match-columns/match-columns.handler';
import { RecallMappingsHandler } from './queries/recall-mappings/recall-mappings.handler';

@Module({
  imports: [TypeOrmModule.forFeature([MappingMemoryEntity]), LlmModule],
  providers: [RememberMappingHandler, RecallMappingsHandler, MatchColumnsHandler, ProposeRepairHandler],
})
export class RepairModule {}
