// vitest globalSetup of the integration project: migrates one template database for the run (the suites'
// databases are copies of it, see test-database.ts) and drops it at the end. The workers inherit the
// environment set here.
import { createTemplateDatabase } from "./test-database";

export default async function setup(): Promise<() => Promise<void>> {
  const { template, drop } = await createTemplateDatabase();
  process.env.TEST_DB_TEMPLATE = template;
  return async () => {
    delete process.env.TEST_DB_TEMPLATE;
    await drop();
  };
}
