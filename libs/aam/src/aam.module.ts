import { TasksModule, TaskTypeRegistry } from '@autonomos/tasks';
import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CreateConnectionHandler } from './commands/create-connection/create-connection.handler';
import { DeleteConnectionHandler } from './commands/delete-connection/delete-connection.handler';
import { ReplayQuarantineHandler } from './commands/replay-quarantine/replay-quarantine.handler';
import { ScanDriftHandler } from './commands/scan-drift/scan-drift.handler';
import { StartSyncHandler } from './commands/start-sync/start-sync.handler';
import { TestConnectionHandler } from './commands/test-connection/test-connection.handler';
import { UpdateConnectionHandler } from './commands/update-connection/update-connection.handler';
import { UploadFileHandler } from './commands/upload-file/upload-file.handler';
import { EventBatchEntity } from './entities/event-batch.entity';
import { EventRecordEntity } from './entities/event-record.entity';
import { ConnectionEntity } from './entities/connection.entity';
import { DriftEntity } from './entities/drift.entity';
import { QuarantinedRecordEntity } from './entities/quarantined-record.entity';
import { SchemaVersionEntity } from './entities/schema-version.entity';
import { GetConnectionHandler } from './queries/get-connection/get-connection.handler';
import { GetDriftHandler } from './queries/get-drift/get-drift.handler';
import { GetSchemaHandler } from './queries/get-schema/get-schema.handler';
import { ListConnectionsHandler } from './queries/list-connections/list-connections.handler';
import { ListDriftsHandler } from './queries/list-drifts/list-drifts.handler';
import { ListEventsHandler } from './queries/list-events/list-events.handler';
import { ListQuarantineHandler } from './queries/list-quarantine/list-quarantine.handler';
import { ListStreamsHandler } from './queries/list-streams/list-streams.handler';
import { ReadConnectionHandler } from './queries/read-connection/read-connection.handler';
import { ConnectionSync } from './sync/connection.sync';
import { ConnectorProvider } from './sync/connector.provider';
import { DclPublisher } from './sync/dcl.publisher';
import { SchemaRegistry } from './sync/schema.tracker';
import { StreamIngestor } from './sync/stream.ingestor';

@Module({
  imports: [
    TypeOrmModule.forFeature([ConnectionEntity, EventBatchEntity, EventRecordEntity, SchemaVersionEntity, DriftEntity, QuarantinedRecordEntity]),
    TasksModule,
  ],
  providers: [
    ConnectorProvider,
    SchemaRegistry,
    DclPublisher,
    StreamIngestor,
    ConnectionSync,
    CreateConnectionHandler,
    UpdateConnectionHandler,
    DeleteConnectionHandler,
    TestConnectionHandler,
    StartSyncHandler,
    UploadFileHandler,
    ReplayQuarantineHandler,
    ScanDriftHandler,
    ListConnectionsHandler,
    GetConnectionHandler,
    ListStreamsHandler,
    GetSchemaHandler,
    ListDriftsHandler,
    GetDriftHandler,
    ListQuarantineHandler,
    ListEventsHandler,
    ReadConnectionHandler,
  ],
})
export class AamModule implements OnModuleInit {
  constructor(
    private readonly registry: TaskTypeRegistry,
    private readonly sync: ConnectionSync,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.sync.task());
  }
}
