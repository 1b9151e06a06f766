// Gives the main wasm's imports short names, in the wasm and in wasm-bindgen's glue alike:
//   node scripts/short-imports.mjs pkg/hubquote_bg.wasm pkg/hubquote.js
// wasm-bindgen names each import after its Rust path plus a 16-digit hash
// (`__wbg_getAttribute_80900eec94cb3636`), written once in the wasm's import section and
// once as a key of the glue's import object: about 180 of them, random digits that gzip
// cannot shrink. Renamed `_0`, `_1`, … (the glue's keys with them) they cost about 4 KB
// gzip less on every first visit. Only the main module's function imports change: the
// lazily loaded chunks import nothing from the glue (only memory, table and the main
// module's exports, which keep their names). Binaryen's own --minify-imports leaves
// wasm-bindgen's module alone (it renames `env` imports only), hence this script, on
// binaryen.js, the build's wasm-opt as a library.
import binaryen from 'binaryen';
import { readFile, writeFile } from 'node:fs/promises';

const [wasmPath, gluePath] = process.argv.slice(2);
/** The module of the glue's own import object (the split loader's imports keep theirs:
 *  they are `__wasm_split.js`'s export names). */
const GLUE = './hubquote_bg.js';
if (!wasmPath || !gluePath) {
  console.error('usage: node scripts/short-imports.mjs MODULE.wasm GLUE.js');
  process.exit(2);
}

const glue = await readFile(gluePath, 'utf8');
const mod = binaryen.readBinary(new Uint8Array(await readFile(wasmPath)));
// The features scripts/build.sh gives wasm-opt, no more (others change the encoding:
// compact imports, GC types, which browsers do not all read).
const F = binaryen.Features;
mod.setFeatures(
  F.MutableGlobals | F.NontrappingFPToInt | F.BulkMemory | F.BulkMemoryOpt | F.SignExt |
    F.ReferenceTypes | F.CallIndirectOverlong | F.Multivalue,
);

// Every function import, read before any is replaced.
const imports = [];
for (let i = 0; i < mod.getNumFunctions(); i++) {
  const info = binaryen.getFunctionInfo(mod.getFunctionByIndex(i));
  if (info.module === GLUE) imports.push(info);
}

let out = glue;
let renamed = 0;
imports.forEach((info, i) => {
  const short = `_${i.toString(36)}`;
  // The glue's key for this import: `    NAME: function(` in its import object, once.
  const name = info.base.replace(/[^\w]/g, '\\$&');
  const key = new RegExp(`^(\\s+)${name}(: function\\()`, 'm');
  const found = out.match(key);
  if (!found) throw new Error(`${gluePath}: no import object key ${info.base}`);
  out = out.replace(key, `$1${short}$2`);
  mod.removeFunction(info.name);
  mod.addFunctionImport(info.name, info.module, short, info.params, info.results);
  renamed++;
});

if (!mod.validate()) throw new Error(`${wasmPath}: not valid after renaming its imports`);
await writeFile(wasmPath, mod.emitBinary());
await writeFile(gluePath, out);
mod.dispose();
console.log(`short-imports: ${renamed} imports renamed`);
