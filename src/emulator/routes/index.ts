/** Every documented endpoint the emulator implements, in match order. */
import type { Route } from '../router';
import { accountRoutes } from './account';
import { callRoutes } from './calls';
import { customFieldRoutes } from './custom-fields';
import { entityRoutes } from './entities';
import { fieldGroupRoutes } from './field-groups';
import { lossReasonRoutes } from './loss-reasons';
import { pipelineRoutes } from './pipelines';
import { signalRoutes } from './signals';
import { taskRoutes } from './tasks';
import { userRoutes } from './users';
import { webhookRoutes } from './webhooks';

/** All API routes. Groups come before fields so `/custom_fields/groups` is not read as a field id. */
export const apiRoutes: Route[] = [
  ...accountRoutes,
  ...userRoutes,
  ...fieldGroupRoutes,
  ...customFieldRoutes,
  ...pipelineRoutes,
  ...signalRoutes,
  ...entityRoutes,
  ...lossReasonRoutes,
  ...taskRoutes,
  ...webhookRoutes,
  ...callRoutes,
];
