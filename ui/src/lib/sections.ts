// The window's sections, in the sidebar's order, each with the digit that opens it (Ctrl+digit).

export type Section =
  "overview" | "vision" | "traction" | "roadmap" | "features" | "teams" | "check" | "history" | "export";

export const sections: { id: Section; label: string; key: string }[] = [
  { id: "overview", label: "Overview", key: "1" },
  { id: "vision", label: "Vision & Strategy", key: "2" },
  { id: "traction", label: "Traction", key: "3" },
  { id: "roadmap", label: "Roadmap", key: "4" },
  { id: "features", label: "Features", key: "5" },
  { id: "teams", label: "Teams", key: "6" },
  { id: "check", label: "Plan check", key: "7" },
  { id: "export", label: "Export", key: "8" },
  { id: "history", label: "History", key: "9" },
];

export const sectionTitle = (id: Section) => sections.find((s) => s.id === id)?.label ?? "";
