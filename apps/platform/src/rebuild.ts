/** `npm run rebuild -- <projection>`: rebuilds one of the platform's read models in MongoDB. */
import { runRebuildCli } from '@tadamon/read-store';
import { PLATFORM_PROJECTIONS } from './projections';

runRebuildCli(process.argv.slice(2), PLATFORM_PROJECTIONS).then((code) => process.exit(code));
