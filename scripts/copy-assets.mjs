// Copies the files tsc does not emit (framework presets, the detector's weights and quality figures) from src/ to dist/, and marks the CLI executable.
import { chmodSync, cpSync, mkdirSync, readdirSync } from 'node:fs';

const from = 'src/frameworks/presets';
const to = 'dist/frameworks/presets';
mkdirSync(to, { recursive: true });
for (const name of readdirSync(from).filter((n) => n.endsWith('.yaml'))) {
  cpSync(`${from}/${name}`, `${to}/${name}`);
}
// The detector's weights, raw bytes next to the module that reads them.
mkdirSync('dist/detect/model', { recursive: true });
cpSync('src/detect/model/weights.bin', 'dist/detect/model/weights.bin');
// Its measured quality, read by `anjeon report data-risk`.
cpSync('src/detect/model/quality.json', 'dist/detect/model/quality.json');
chmodSync('dist/cli/main.js', 0o755);
// The red-team runner's built-in suites.
mkdirSync('dist/redteam/suites', { recursive: true });
for (const name of readdirSync('src/redteam/suites').filter((n) => n.endsWith('.yaml'))) {
  cpSync(`src/redteam/suites/${name}`, `dist/redteam/suites/${name}`);
}
