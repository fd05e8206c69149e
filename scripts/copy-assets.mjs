// Copies the files tsc does not emit (framework presets) from src/ to dist/, and marks the CLI executable.
import { chmodSync, cpSync, mkdirSync, readdirSync } from 'node:fs';

const from = 'src/frameworks/presets';
const to = 'dist/frameworks/presets';
mkdirSync(to, { recursive: true });
for (const name of readdirSync(from).filter((n) => n.endsWith('.yaml'))) {
  cpSync(`${from}/${name}`, `${to}/${name}`);
}
chmodSync('dist/cli/main.js', 0o755);
