import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeFetch, renderWithApp } from "../test/utils";
import { ReportButton } from "./ReportButton";

describe("report button", () => {
  it("asks why in a dialog, refuses an empty reason, then sends reportContent and thanks", async () => {
    const f = fakeFetch(() => ({ data: { reportContent: true } }));
    render(renderWithApp(<ReportButton subjectId="m1" what="message" name="message from Kojo" small />, { fetch: f }).ui);
    fireEvent.click(screen.getByRole("button", { name: "Report (message from Kojo)" }));
    expect(screen.getByRole("heading", { name: "Report this message to the moderators" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Send the report", hidden: true }));
    expect(await screen.findByText("Fill in this field.")).toBeTruthy();
    expect(f.calls).toHaveLength(0);
    fireEvent.change(screen.getByLabelText("What is wrong with it?"), { target: { value: "  Threats  " } });
    fireEvent.click(screen.getByRole("button", { name: "Send the report", hidden: true }));
    expect(await screen.findByText("Thank you. The moderators will look at your report.")).toBeTruthy();
    expect(f.calls[0].query).toContain("reportContent");
    expect(f.calls[0].variables).toEqual({ subjectId: "m1", reason: "Threats" });
  });

  it("shows the server's refusal beside the reason (rate limit)", async () => {
    const f = fakeFetch(() => ({ errors: [{ message: "slow down", extensions: { code: "RATE_LIMITED", retryAfter: 120 } }] }));
    render(renderWithApp(<ReportButton subjectId="r1" what="request" />, { fetch: f }).ui);
    fireEvent.click(screen.getByRole("button", { name: "Report" }));
    fireEvent.change(screen.getByLabelText("What is wrong with it?"), { target: { value: "Spam" } });
    fireEvent.click(screen.getByRole("button", { name: "Send the report", hidden: true }));
    await waitFor(() => expect(screen.getByRole("alert", { hidden: true }).textContent).toMatch(/2 minutes|120/));
    expect(screen.queryByText("Thank you. The moderators will look at your report.")).toBeNull();
  });
});
