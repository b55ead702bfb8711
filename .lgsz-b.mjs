import { build } from "esbuild";
await build({ entryPoints: [".lgsz-live.ts"], bundle: true, platform: "node", format: "esm", outfile: "/tmp/lgsz/live.mjs", logLevel: "error", external: ["vitest"] });
