import { describe, expect, it, vi } from "vitest";
import en from "../i18n/en.json";
import { NOTIFICATION_KINDS, badgeText, kindKey, notificationsChanged, onNotificationsChanged, safeLink } from "./notifications";

describe("notifications", () => {
  it("every documented kind has a title, and unknown kinds a generic one", () => {
    for (const k of NOTIFICATION_KINDS) expect(kindKey(k) in en, k).toBe(true);
    expect(kindKey("SOMETHING_NEW")).toBe("notification.kind.OTHER");
    expect("notification.kind.OTHER" in en).toBe(true);
  });
  it("follows only same-origin app paths", () => {
    expect(safeLink("/engagements/0190-abc")).toBe("/engagements/0190-abc");
    expect(safeLink("/requests/1?tab=x")).toBe("/requests/1?tab=x");
    expect(safeLink("//evil.example/x")).toBeNull();
    expect(safeLink("https://evil.example/")).toBeNull();
    expect(safeLink("javascript:alert(1)")).toBeNull();
    expect(safeLink("/\\evil.example")).toBeNull();
    expect(safeLink("")).toBeNull();
  });
  it("caps the badge", () => {
    expect(badgeText(0)).toBe("0");
    expect(badgeText(7)).toBe("7");
    expect(badgeText(100)).toBe("99+");
  });
  it("tells subscribers when the count may have changed", () => {
    const cb = vi.fn();
    const off = onNotificationsChanged(cb);
    notificationsChanged();
    expect(cb).toHaveBeenCalledTimes(1);
    off();
    notificationsChanged();
    expect(cb).toHaveBeenCalledTimes(1);
  });
});
