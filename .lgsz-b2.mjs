import { build } from "esbuild";
await build({ entryPoints: [".lgsz-perf.ts"], bundle: true, platform: "node", format: "esm", outfile: "/tmp/lgsz/perf.mjs", logLevel: "error" });
