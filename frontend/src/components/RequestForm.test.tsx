import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../lib/errors";
import { emptyRequestForm, type RequestFormState } from "../lib/requestForm";
import { fakeFetch, renderWithApp } from "../test/utils";
import { RequestForm } from "./RequestForm";

const filled = (): RequestFormState => ({
  ...emptyRequestForm(),
  kind: "PROJECT",
  title: "Flood risk model",
  description: "We need help building a flood risk model for the delta.",
  skills: [{ skillId: "s1", label: "hydrology", inTaxonomy: true, minLevel: 3, required: true }],
});

describe("the request form", () => {
  it("lists what is missing at the top, linked to the fields, and sends nothing", async () => {
    const onSubmit = vi.fn();
    render(renderWithApp(<RequestForm initial={emptyRequestForm()} submitLabel="Save the draft" onSubmit={onSubmit} />, { fetch: fakeFetch(() => ({ data: null })) }).ui);
    fireEvent.click(screen.getByRole("button", { name: "Save the draft" }));
    const summary = await screen.findByRole("alert");
    expect([...summary.querySelectorAll("a")].map((a) => a.getAttribute("href"))).toEqual(["#f-kind", "#f-title", "#f-description", "#f-skills"]);
    expect(summary.textContent).toContain("Skills needed: Add at least one skill.");
    expect(document.activeElement).toBe(summary);
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByLabelText("Title").getAttribute("aria-invalid")).toBe("true");
  });

  it("puts the server's error beside the field it names and keeps what was typed", async () => {
    const onSubmit = vi.fn(async () => {
      throw new ApiError([{ message: "a skill level is from 1 to 5", extensions: { code: "BAD_USER_INPUT", field: "input.skills[0].minLevel" } }]);
    });
    render(renderWithApp(<RequestForm initial={filled()} submitLabel="Save" onSubmit={onSubmit} />, { fetch: fakeFetch(() => ({ data: null })) }).ui);
    fireEvent.change(screen.getByLabelText("Title"), { target: { value: "Flood risk model, phase 2" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(document.getElementById("f-skills-0-minLevel-error")).not.toBeNull());
    expect(document.getElementById("f-skills-0-minLevel-error")!.textContent).toContain("a skill level is from 1 to 5");
    expect(screen.getByRole("link", { name: /hydrology: Lowest acceptable level: a skill level is from 1 to 5/ })).toBeTruthy();
    expect((screen.getByLabelText("Title") as HTMLInputElement).value).toBe("Flood risk model, phase 2");
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it("sends the edited state: level, required flag, a removed skill", async () => {
    const onSubmit = vi.fn(async () => {});
    const f = filled();
    f.skills.push({ label: "Delta hydraulics", inTaxonomy: false, minLevel: 3, required: true });
    render(renderWithApp(<RequestForm initial={f} submitLabel="Save" onSubmit={onSubmit} />, { fetch: fakeFetch(() => ({ data: null })) }).ui);
    fireEvent.change(document.getElementById("f-skills-0-minLevel")!, { target: { value: "5" } });
    fireEvent.click(screen.getByRole("checkbox", { name: /Required Delta hydraulics/ }));
    fireEvent.click(screen.getByRole("button", { name: "Remove hydrology" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Remotely" }));
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    const sent = (onSubmit.mock.calls[0] as unknown as [RequestFormState])[0];
    expect(sent.skills).toEqual([{ label: "Delta hydraulics", inTaxonomy: false, minLevel: 3, required: false }]);
    expect(sent.workModes).toEqual(["REMOTE"]);
  });
});
