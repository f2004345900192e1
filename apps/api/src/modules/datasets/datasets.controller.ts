import { ErrorCode, SESSION_COOKIE, type TDatasetInfo, ZDataset, ZDatasetInfo } from '@dlclass/contracts';
import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { DomainError } from '../../common/errors';
import { ApiErrors, ApiZodResponse } from '../../common/openapi';
import { DatasetsService } from './datasets.service';

@ApiTags('datasets')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@Controller('datasets')
export class DatasetsController {
  constructor(private readonly service: DatasetsService) {}

  @Get(':id')
  @Header('Cache-Control', 'private, max-age=60')
  @ApiOperation({
    summary:
      "Un jeu de données (mnist, fashion-mnist) : tailles, taille d'image, classes et exemples étiquetés ; " +
      "s'il n'est pas installé sur le serveur : available=false et la commande qui l'installe",
  })
  @ApiParam({ name: 'id', enum: ZDataset.options })
  @ApiZodResponse(200, ZDatasetInfo, 'Description du jeu de données')
  @ApiErrors(401, 404)
  info(@Param('id') id: string): Promise<TDatasetInfo> {
    const dataset = ZDataset.safeParse(id);
    if (!dataset.success) {
      throw new DomainError(
        ErrorCode.NotFound,
        `Jeu de données inconnu : « ${id} » (disponibles : ${ZDataset.options.join(', ')})`,
      );
    }
    return this.service.info(dataset.data);
  }
}
