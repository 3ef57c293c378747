// Reads one file with @trustnxt/c2pa-ts (a C2PA implementation independent of c2pa-rs)
// and prints one JSON object: whether a manifest was found, whether it validated,
// the validation codes, and the active manifest's label and assertion labels.
import * as fs from 'node:fs/promises';
import { JPEG, PNG } from '@trustnxt/c2pa-ts/asset';
import { SuperBox } from '@trustnxt/c2pa-ts/jumbf';
import { ManifestStore, ValidationResult } from '@trustnxt/c2pa-ts/manifest';

const out = { format: null, manifest: false, valid: false, codes: [], label: null, assertions: [] };
const buf = new Uint8Array(await fs.readFile(process.argv[2]));
let asset = null;
if (JPEG.canRead(buf)) { asset = new JPEG(buf); out.format = 'jpeg'; }
else if (PNG.canRead(buf)) { asset = new PNG(buf); out.format = 'png'; }
if (asset) {
  const jumbf = asset.getManifestJUMBF();
  if (jumbf) {
    out.manifest = true;
    let result;
    try {
      const store = ManifestStore.read(SuperBox.fromBuffer(jumbf));
      const active = store.getActiveManifest();
      out.label = active?.label ?? null;
      out.assertions = (active?.assertions?.assertions ?? []).map((a) => a.label ?? a.fullLabel);
      result = await store.validate(asset);
    } catch (e) {
      result = ValidationResult.fromError(e);
    }
    out.valid = result.isValid;
    out.codes = result.statusEntries.map((e) => e.code);
  }
}
console.log(JSON.stringify(out));
