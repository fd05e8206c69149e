// Runs once before all tests: says plainly when the PostgreSQL half of the suite will not run.
export default function setup(): void {
  if (!process.env.ANJEON_TEST_DATABASE_URL) {
    console.warn(
      '\n  ANJEON_TEST_DATABASE_URL is not set: the PostgreSQL runs of the store and registry tests are SKIPPED.\n',
    );
  }
}
