import * as path from 'path';
import { testOutputDir } from '../../support/paths';

/** Where the in-host probe writes its measurements. */
export const LIBRARY_VIEW_RESULT = path.join(testOutputDir, 'bench', 'library-view.json');
