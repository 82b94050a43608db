export { brandlintVersion, packageRoot } from '../core/package-info.js';
