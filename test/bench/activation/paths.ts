import * as path from 'path';
import { testOutputDir } from '../../support/paths';

/** Where the in-host probe writes one JSON result per fresh extension host. */
export const PROBE_DIR = path.join(testOutputDir, 'bench', 'activation');
