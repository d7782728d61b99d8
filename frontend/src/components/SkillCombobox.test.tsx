import { act, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { I18nProvider } from "../i18n";
import { MESSAGES } from "../test/utils";
import { SkillCombobox, type SkillOption } from "./SkillCombobox";

const SKILLS: SkillOption[] = [
  { id: "s1", label: "utiliser l’apprentissage automatique", inTaxonomy: true, altLabels: ["machine learning"] },
  { id: "s2", label: "apprentissage profond", inTaxonomy: true },
];

function setup() {
  const search = vi.fn(async (q: string) => (q ? SKILLS : []));
  const onSelect = vi.fn();
  render(
    <I18nProvider lang="fr" messages={MESSAGES.fr}>
      <form onSubmit={(e) => { e.preventDefault(); throw new Error("the form must not submit"); }}>
        <SkillCombobox inputId="skill" label="Ajouter une compétence" search={search} onSelect={onSelect} debounceMs={200} />
      </form>
    </I18nProvider>,
  );
  const input = screen.getByRole("combobox", { name: "Ajouter une compétence" });
  return { search, onSelect, input };
}

async function typeAndWait(input: HTMLElement, text: string) {
  fireEvent.change(input, { target: { value: text } });
  await act(async () => {
    await vi.advanceTimersByTimeAsync(250);
  });
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("SkillCombobox (WAI-ARIA combobox)", () => {
  it("is a collapsed combobox with a listbox it controls", () => {
    const { input } = setup();
    expect(input.getAttribute("aria-autocomplete")).toBe("list");
    expect(input.getAttribute("aria-expanded")).toBe("false");
    const list = document.getElementById(input.getAttribute("aria-controls")!);
    expect(list?.getAttribute("role")).toBe("listbox");
  });

  it("debounces: one search after typing stops, none below two characters", async () => {
    const { input, search } = setup();
    fireEvent.change(input, { target: { value: "a" } });
    await act(async () => { await vi.advanceTimersByTimeAsync(300); });
    expect(search).not.toHaveBeenCalled();
    fireEvent.change(input, { target: { value: "ap" } });
    await act(async () => { await vi.advanceTimersByTimeAsync(100); });
    fireEvent.change(input, { target: { value: "app" } });
    await act(async () => { await vi.advanceTimersByTimeAsync(100); });
    fireEvent.change(input, { target: { value: "apprentissage automatique" } });
    await act(async () => { await vi.advanceTimersByTimeAsync(250); });
    expect(search).toHaveBeenCalledTimes(1);
    expect(search).toHaveBeenCalledWith("apprentissage automatique");
  });

  it("shows the suggestions plus a free-text option", async () => {
    const { input } = setup();
    await typeAndWait(input, "apprentissage");
    expect(input.getAttribute("aria-expanded")).toBe("true");
    const options = screen.getAllByRole("option");
    expect(options).toHaveLength(3);
    expect(options[0].textContent).toContain("utiliser l’apprentissage automatique");
    expect(options[2].textContent).toBe("Ajouter « apprentissage » avec vos mots");
  });

  it("ArrowDown / ArrowUp move the active option (with wrap) via aria-activedescendant", async () => {
    const { input } = setup();
    await typeAndWait(input, "apprentissage");
    const options = screen.getAllByRole("option");
    fireEvent.keyDown(input, { key: "ArrowDown" });
    expect(input.getAttribute("aria-activedescendant")).toBe(options[0].id);
    expect(options[0].getAttribute("aria-selected")).toBe("true");
    fireEvent.keyDown(input, { key: "ArrowDown" });
    expect(input.getAttribute("aria-activedescendant")).toBe(options[1].id);
    fireEvent.keyDown(input, { key: "ArrowDown" });
    fireEvent.keyDown(input, { key: "ArrowDown" });
    expect(input.getAttribute("aria-activedescendant")).toBe(options[0].id);
    fireEvent.keyDown(input, { key: "ArrowUp" });
    expect(input.getAttribute("aria-activedescendant")).toBe(options[2].id);
    expect(document.activeElement === input || document.activeElement === document.body).toBe(true);
  });

  it("Enter picks the active option, clears the box and does not submit the form", async () => {
    const { input, onSelect } = setup();
    await typeAndWait(input, "apprentissage");
    fireEvent.keyDown(input, { key: "ArrowDown" });
    fireEvent.keyDown(input, { key: "Enter" });
    expect(onSelect).toHaveBeenCalledWith(SKILLS[0]);
    expect((input as HTMLInputElement).value).toBe("");
    expect(input.getAttribute("aria-expanded")).toBe("false");
  });

  it("Enter on the last option adds free text", async () => {
    const { input, onSelect } = setup();
    await typeAndWait(input, "Hydrologie des deltas");
    fireEvent.keyDown(input, { key: "ArrowUp" });
    fireEvent.keyDown(input, { key: "Enter" });
    expect(onSelect).toHaveBeenCalledWith({ label: "Hydrologie des deltas", inTaxonomy: false });
  });

  it("Escape closes the list, a second Escape clears the text", async () => {
    const { input, onSelect } = setup();
    await typeAndWait(input, "apprentissage");
    fireEvent.keyDown(input, { key: "ArrowDown" });
    fireEvent.keyDown(input, { key: "Escape" });
    expect(input.getAttribute("aria-expanded")).toBe("false");
    expect(input.getAttribute("aria-activedescendant")).toBeNull();
    expect((input as HTMLInputElement).value).toBe("apprentissage");
    fireEvent.keyDown(input, { key: "Escape" });
    expect((input as HTMLInputElement).value).toBe("");
    expect(onSelect).not.toHaveBeenCalled();
  });

  it("offers no option while the search is running (no accidental free-text pick)", async () => {
    const { input, onSelect } = setup();
    fireEvent.change(input, { target: { value: "apprentissage" } });
    await act(async () => { await vi.advanceTimersByTimeAsync(50); });
    expect(screen.queryAllByRole("option")).toHaveLength(0);
    fireEvent.keyDown(input, { key: "ArrowDown" });
    fireEvent.keyDown(input, { key: "Enter" });
    expect(onSelect).not.toHaveBeenCalled();
  });

  it("a click picks an option", async () => {
    const { input, onSelect } = setup();
    await typeAndWait(input, "apprentissage");
    fireEvent.click(screen.getAllByRole("option")[1]);
    expect(onSelect).toHaveBeenCalledWith(SKILLS[1]);
  });

  it("announces the number of suggestions in a live region", async () => {
    const { input } = setup();
    await typeAndWait(input, "apprentissage");
    expect(document.querySelector("[aria-live=polite]")?.textContent).toBe(
      "2 suggestions. Utilisez les flèches haut et bas, puis Entrée.",
    );
  });
});
