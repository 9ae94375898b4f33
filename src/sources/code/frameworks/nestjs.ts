/**
 * NestJS: parameter decorators inject request input (@Body, @Query('email')), controllers and
 * route decorators give routes, guards restrict access, @Cron/@Interval schedule jobs. Classes
 * with Swagger properties are DTOs, and so are the types of @Body(), @Query(), @Param() and
 * GraphQL @Args() parameters (read by declarations/ts/classes.ts).
 */
import type { Framework } from '../engine/framework-api.js';

export const nestjs: Framework = {
  id: 'nestjs',
  description: 'NestJS: request decorators, controllers and routes, guards, scheduled jobs',
  declarations: {
    markers: ['@query(', '@param(', '@body', '@apiproperty'],
    decorators: { input: true, properties: ['ApiProperty', 'ApiPropertyOptional'], inputParams: ['Body', 'Query', 'Param', 'Args'] },
  },
  sources: {
    paramDecorators: {
      Body: 'request body',
      Query: 'query string',
      Param: 'path parameters',
      Headers: 'request headers',
      Args: 'GraphQL arguments',
      Payload: 'message payload',
      UploadedFile: 'uploaded file',
    },
    requestDecorators: ['Req', 'Request'],
    nonDataTypes: ['Observable'],
  },
  routes: {
    decorators: ['Get', 'Post', 'Put', 'Patch', 'Delete', 'All', 'Head', 'Options'],
    controllerDecorators: ['Controller'],
    guardDecorators: ['UseGuards', 'Roles', 'Authorized', 'RequirePermissions', 'Permissions', 'Auth', 'PreAuthorize'],
    scheduleDecorators: ['Cron', 'Interval', 'Timeout', 'Scheduled'],
  },
};
