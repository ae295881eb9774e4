import { mount } from "svelte";
import App from "./App.svelte";
import { backend } from "./lib/backend";
import { FIRST_SCREEN } from "./lib/editor.svelte";
import { followTheme } from "./lib/theme";
import "./styles.css";
import "./controls.css";

followTheme();

const target = document.getElementById("app");
if (!target) throw new Error("The page has no #app element.");

// The plan is read while the page is built, and the first read brings only what the first
// screen shows; the app reads the rest once that screen is up.
const firstRead = { started: performance.now(), contents: backend.loadPlan(FIRST_SCREEN) };
firstRead.contents.catch(() => undefined); // App shows the error; this only keeps it from being "unhandled".

export default mount(App, { target, props: { firstRead } });
