import type * as Tools from '../../core/replication/tools';

let tools: typeof Tools | undefined;

/**
 * The scaffold generator and the report writer, most of the replication code, required when first
 * used. The build puts them in a bundle of their own (dist/replicationTools.js), so the extension
 * host does not compile them at start-up.
 */
export function replicationTools(): typeof Tools {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  tools ??= require('../../core/replication/tools') as typeof Tools;
  return tools;
}
