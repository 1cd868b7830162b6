import { prepareDatabase } from "../prepare";
import { fail, runCli } from "./run";

await runCli("migrate", prepareDatabase).catch(fail);
