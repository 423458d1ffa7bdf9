// The pipeline's version for provenance: the package version, so a load can be traced to the code.
import { version } from '../package.json';

export const PIPELINE_VERSION: string = version;
