import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { fakeFetch, renderWithApp } from "../test/utils";
import { ModeratorRequestTools } from "./ModeratorRequestTools";
import { ProposePanel } from "./ProposePanel";

describe("moderator tools on a request", () => {
  it("holding needs a reason; resuming does not", async () => {
    const f = fakeFetch((b) => ({ data: b.query.includes("holdRequest") ? { holdRequest: { id: "r1", status: "ON_HOLD" } } : { resumeRequest: { id: "r1", status: "OPEN" } } }));
    const onDone = vi.fn();
    const { rerender } = render(renderWithApp(<ModeratorRequestTools request={{ id: "r1", title: "Flood model" }} actions={["match", "cancel", "hold"]} onDone={onDone} />, { fetch: f }).ui);
    fireEvent.click(screen.getByRole("button", { name: "Put on hold (Flood model)" }));
    expect(await screen.findByText("Write the reason the institution will read.")).toBeTruthy();
    expect(f.calls).toHaveLength(0);
    fireEvent.change(screen.getByLabelText(/Reason, shown to the institution/), { target: { value: "Silent for a month" } });
    fireEvent.click(screen.getByRole("button", { name: "Put on hold (Flood model)" }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith("“Flood model” is on hold."));
    expect(f.calls[0].variables).toEqual({ id: "r1", reason: "Silent for a month" });

    rerender(renderWithApp(<ModeratorRequestTools request={{ id: "r1", title: "Flood model" }} actions={["cancel", "resume"]} onDone={onDone} />, { fetch: f }).ui);
    fireEvent.click(screen.getByRole("button", { name: "Resume the request (Flood model)" }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith("“Flood model” is active again."));
    expect(f.calls[1].variables).toEqual({ id: "r1", reason: null });
  });

  it("closing asks twice and sends the reason", async () => {
    const f = fakeFetch(() => ({ data: { closeRequest: { id: "r1", status: "CANCELLED" } } }));
    const onDone = vi.fn();
    render(renderWithApp(<ModeratorRequestTools request={{ id: "r1", title: "Flood model" }} actions={["cancel"]} onDone={onDone} />, { fetch: f }).ui);
    fireEvent.change(screen.getByLabelText(/Reason, shown to the institution/), { target: { value: "Duplicate of another request" } });
    fireEvent.click(screen.getByRole("button", { name: "Close without completion" }));
    fireEvent.click(screen.getByRole("button", { name: "Yes, cancel it" }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(f.calls[0].variables).toEqual({ id: "r1", completed: false, reason: "Duplicate of another request" });
  });
});

describe("proposing experts", () => {
  it("needs an expert and a message, then proposes them all at once", async () => {
    const f = fakeFetch(() => ({ data: { proposeExperts: [{ id: "e1", status: "INVITED", expert: { id: "p1", displayName: "Efua" } }, { id: "e2", status: "INVITED", expert: { id: "p2", displayName: "Kwesi" } }] } }));
    const onProposed = vi.fn();
    const { rerender } = render(renderWithApp(<ProposePanel requestId="r1" chosen={[]} onProposed={onProposed} />, { fetch: f }).ui);
    fireEvent.click(screen.getByRole("button", { name: "Propose the chosen experts" }));
    expect(await screen.findByText("Choose at least one expert above.")).toBeTruthy();
    const chosen = [{ id: "p1", name: "Efua" }, { id: "p2", name: "Kwesi" }];
    rerender(renderWithApp(<ProposePanel requestId="r1" chosen={chosen} onProposed={onProposed} />, { fetch: f }).ui);
    expect(screen.getByText("Chosen (2): Efua, Kwesi")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Propose the chosen experts" }));
    expect(await screen.findByText("Fill in this field.")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Message to the chosen experts"), { target: { value: "You fit this request." } });
    fireEvent.click(screen.getByRole("button", { name: "Propose the chosen experts" }));
    await waitFor(() => expect(onProposed).toHaveBeenCalled());
    expect(f.calls[0].variables).toEqual({ requestId: "r1", expertIds: ["p1", "p2"], message: "You fit this request." });
    expect(screen.getByText("Proposed: 2. Each expert is invited.")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Kwesi" }).getAttribute("href")).toBe("/engagements/e2");
  });
});
