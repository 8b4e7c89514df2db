import { Command } from '@nestjs/cqrs';
import type { TestResult } from '../../connectors/source-connector';

export class TestConnectionCommand extends Command<TestResult> {
  constructor(readonly id: string) {
    super();
  }
}
