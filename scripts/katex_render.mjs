// KaTeX worker for the MkDocs build (scripts/katex.py starts it once per build).
// Reads one JSON request per line on stdin: {"tex": "...", "display": true|false}
// and answers one JSON line on stdout: {"html": "..."} or {"error": "..."}.
// Rendering at build time means the reader's browser loads no script and no KaTeX CSS: MathML, laid out by the
// browser with one small math font (scripts/math_font.py); no layout shift while formulas typeset, and math
// that survives instant navigation.
import readline from "node:readline";
import katex from "katex";

const rl = readline.createInterface({ input: process.stdin, terminal: false });
rl.on("line", (line) => {
  let reply;
  try {
    const { tex, display } = JSON.parse(line);
    reply = {
      html: katex.renderToString(tex, {
        displayMode: Boolean(display),
        throwOnError: true,
        strict: "error",
        output: "mathml", // the browser lays MathML out itself: a fraction of the DOM of KaTeX's HTML
        trust: false,
      }),
    };
  } catch (err) {
    reply = { error: String(err && err.message ? err.message : err) };
  }
  process.stdout.write(JSON.stringify(reply) + "\n");
});
