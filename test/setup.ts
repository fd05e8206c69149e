// Runs in every test file: removes the PostgreSQL schemas the file created once it is done.
import { afterAll } from 'vitest';
import { dropTestSchemas } from './store/backends.js';

afterAll(async () => {
  await dropTestSchemas();
});
