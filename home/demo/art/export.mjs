// Copies the demo's drawings out of the npm packages into home/demo/art/, so the demo builds
// without Node: Open Peeps people (CC0, drawn by DiceBear's open-peeps style from fixed options)
// and Health Icons (CC0). Run after changing the list below: `node home/demo/art/export.mjs`.
// home/demo/illustrations.py composes these into the demo's pictures; docs/licenses.md lists them.
import { writeFileSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createAvatar } from "@dicebear/core";
import * as openPeeps from "@dicebear/open-peeps";

const here = new URL(".", import.meta.url).pathname;
const require = createRequire(import.meta.url);

// People: the clinicians and two patients for the home page's hero.
const PEOPLE = {
  "edward-rubin": { head: ["grayShort"], headContrastColor: ["e8e1e1"], face: ["calm"], accessories: ["glasses"], accessoriesProbability: 100, skinColor: ["edb98a"], clothingColor: ["8fa7df"] },
  "anita-reyes": { head: ["long"], headContrastColor: ["4a312c"], face: ["smile"], accessoriesProbability: 0, skinColor: ["d08b5b"], clothingColor: ["9ddadb"] },
  "maya-okafor": { head: ["afro"], face: ["smile"], accessoriesProbability: 0, skinColor: ["694d3d"], clothingColor: ["78e185"] },
  "sofia-martinez": { head: ["bun"], headContrastColor: ["2c1b18"], face: ["smile"], accessories: ["glasses4"], accessoriesProbability: 100, skinColor: ["edb98a"], clothingColor: ["e279c7"] },
  "patient-one": { head: ["bun2"], headContrastColor: ["724133"], face: ["explaining"], accessoriesProbability: 0, skinColor: ["ffdbb4"], clothingColor: ["ffcf77"] },
  "patient-two": { head: ["grayMedium"], headContrastColor: ["e8e1e1"], face: ["calm"], accessoriesProbability: 0, skinColor: ["ae5d29"], clothingColor: ["e78276"] },
};
const ICONS = ["back-pain", "nerve", "joints", "sleepy", "pills-2", "exercise-yoga", "physical-therapy", "syringe", "medicines", "walking"];

mkdirSync(here + "people", { recursive: true });
for (const [name, options] of Object.entries(PEOPLE)) {
  const svg = createAvatar(openPeeps, { seed: name, facialHairProbability: 0, maskProbability: 0, ...options }).toString();
  writeFileSync(`${here}people/${name}.svg`, svg + "\n");
}

mkdirSync(here + "icons", { recursive: true });
const set = JSON.parse(readFileSync(require.resolve("@iconify-json/healthicons/icons.json"), "utf8"));
for (const name of ICONS) {
  const { body, width = set.width, height = set.height } = set.icons[name];
  writeFileSync(`${here}icons/${name}.svg`, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}">${body}</svg>\n`);
}
console.log(`Wrote ${Object.keys(PEOPLE).length} people and ${ICONS.length} icons.`);
