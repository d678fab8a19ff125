import { onFirstUse } from '../../core/lazy';
import type * as Tools from '../../core/replication/tools';

/**
 * The scaffold generator and the report writer, most of the replication code, required when first
 * used. The build puts them in a bundle of their own (dist/replicationTools.js), so the extension
 * host does not compile them at start-up.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const replicationTools = onFirstUse(() => require('../../core/replication/tools') as typeof Tools);
