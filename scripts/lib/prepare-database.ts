// The release step under the name the scripts and benchmarks have always used (see ./release.ts):
// migrate the database at the given URL, then load the banks from content/.
export { release as prepareDatabase } from "./release";
