import { z } from "zod";

// Runs in the browser before the app starts. Zod compiles object parsers with `new Function`
// when it may; its probe for that is refused by our Content-Security-Policy (no eval), and the
// browser reports the refusal even though Zod catches it. Parsing without compiling is as correct.
z.config({ jitless: true });
