import { fireEvent, render, screen } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import TextField from "./TextField.svelte";

describe("TextField with a date", () => {
  it("shows and takes dates as ISO, and says how to write one before anything is saved", async () => {
    const onsave = vi.fn();
    render(TextField, { label: "Deadline", type: "date", value: "2028-05-01", onsave });
    const input = screen.getByLabelText("Deadline") as HTMLInputElement;
    expect(input.value).toBe("2028-05-01");
    expect(input.type, "the same text in every field, whatever the system's locale").toBe("text");
    expect(input.placeholder).toBe("YYYY-MM-DD");

    await fireEvent.input(input, { target: { value: "05/01/2028" } });
    await fireEvent.change(input);
    expect(onsave).not.toHaveBeenCalled();
    expect(screen.getByRole("alert").textContent).toBe(
      "Deadline: write the date as year-month-day, such as 2026-12-01.",
    );
    expect(input.getAttribute("aria-invalid")).toBe("true");

    await fireEvent.input(input, { target: { value: "2028-6-1" } });
    await fireEvent.change(input);
    expect(onsave).toHaveBeenCalledWith("2028-06-01");
    expect(screen.queryByRole("alert")).toBeNull();
  });
});

describe("TextField's refusal", () => {
  it("belongs to the text it was said about: typing the saved value back or Esc takes it away", async () => {
    const onsave = vi.fn();
    const { rerender } = render(TextField, { label: "Price", value: "50000", onsave });
    const input = screen.getByLabelText("Price") as HTMLInputElement;

    await fireEvent.input(input, { target: { value: "0" } });
    await fireEvent.change(input);
    expect(onsave).toHaveBeenCalledWith("0");
    await rerender({ error: "Price: must be greater than 0" });
    expect(screen.getByRole("alert").textContent).toBe("Price: must be greater than 0");

    // The saved value typed again: nothing to save, and nothing wrong any more.
    await fireEvent.input(input, { target: { value: "50000" } });
    await fireEvent.change(input);
    expect(onsave).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("alert")).toBeNull();
    expect(input.getAttribute("aria-invalid")).toBeNull();

    await fireEvent.input(input, { target: { value: "-1" } });
    await fireEvent.change(input);
    await rerender({ error: "Price: must be greater than 0" });
    expect(screen.getByRole("alert")).toBeTruthy();
    await fireEvent.keyDown(input, { key: "Escape" });
    expect(input.value, "Esc puts the saved value back").toBe("50000");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("is not shown beside another text typed since", async () => {
    const onsave = vi.fn();
    const { rerender } = render(TextField, { label: "Name", value: "Acme", onsave });
    const input = screen.getByLabelText("Name") as HTMLInputElement;
    await fireEvent.input(input, { target: { value: "" } });
    await fireEvent.change(input);
    await rerender({ error: "Name: must not be empty" });
    expect(screen.getByRole("alert")).toBeTruthy();
    await fireEvent.input(input, { target: { value: "Acme Robotics" } });
    expect(screen.queryByRole("alert")).toBeNull();
  });
});

describe("TextField's Enter", () => {
  it("saves once, though the same Enter also ends in a change event, and again after an undo", async () => {
    const onsave = vi.fn();
    const { rerender } = render(TextField, { label: "Title", value: "Onboarding", onsave });
    const input = screen.getByLabelText("Title") as HTMLInputElement;
    await fireEvent.input(input, { target: { value: "Activation" } });
    await fireEvent.keyDown(input, { key: "Enter" });
    await fireEvent.change(input);
    expect(onsave).toHaveBeenCalledTimes(1);

    // Saved, then undone: the same text typed again is a new edit.
    await rerender({ value: "Activation" });
    await rerender({ value: "Onboarding" });
    expect(input.value).toBe("Onboarding");
    await fireEvent.input(input, { target: { value: "Activation" } });
    await fireEvent.keyDown(input, { key: "Enter" });
    expect(onsave).toHaveBeenCalledTimes(2);
  });
});
