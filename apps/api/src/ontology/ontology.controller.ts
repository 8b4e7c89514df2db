import { listEntities, ONTOLOGY_VERSION } from '@autonomos/ontology';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../http/api-problems.decorator';
import { OntologyDto } from './ontology.dto';

@ApiTags('ontology')
@ApiBearerAuth()
@Controller('ontology')
export class OntologyController {
  @Get()
  @ApiOperation({ operationId: 'getOntology', summary: 'The canonical model mappings target: entities and their fields' })
  @ApiOkResponse({ type: OntologyDto })
  @ApiProblems(401)
  get(): OntologyDto {
    return { version: ONTOLOGY_VERSION, entities: [...listEntities()] };
  }
}
