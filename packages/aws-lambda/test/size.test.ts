// The size budget of this client, as .size-limit.json sets it (see the shared suite).
import { describeSizeBudget } from '../../client-runtime/testing/size-suite.js';

describeSizeBudget('@layerspec/aws-lambda');
