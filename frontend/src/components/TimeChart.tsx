// A chart over months drawn by Chart.js: bars for counts (engagements started, completed) and,
// optionally, a line on its own axis for a second measure (hours given). Like BarChart, the
// canvas is an image labelled as such and the page has a table of the same numbers. Time runs
// from the start edge, so it runs right to left in Arabic.
import { useEffect, useRef } from "react";
import { BarController, BarElement, CategoryScale, Chart, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip } from "chart.js";
import type { Series } from "./BarChart";

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

export function TimeChart(props: { labels: string[]; bars: Series[]; line?: Series & { axis: string }; label: string; rtl: boolean; locale: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const key = JSON.stringify([props.labels, props.bars, props.line ?? null, props.rtl, props.locale]);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const [labels, bars, line, rtl, locale] = JSON.parse(key) as [string[], Series[], (Series & { axis: string }) | null, boolean, string];
    const reduced = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
    const font = { family: getComputedStyle(document.documentElement).fontFamily, size: 13 };
    const ticks = { color: "#1b1f23", font };
    const chart = new Chart(canvas, {
      type: "bar",
      data: {
        labels,
        datasets: [
          ...bars.map((s) => ({ type: "bar" as const, label: s.label, data: s.data, backgroundColor: s.color, borderColor: s.color, borderWidth: 1, maxBarThickness: 18, yAxisID: "y", order: 2 })),
          ...(line ? [{ type: "line" as const, label: line.label, data: line.data, borderColor: line.color, backgroundColor: line.color, borderWidth: 2, pointRadius: 3, yAxisID: "hours", order: 1 }] : []),
        ],
      },
      options: {
        locale,
        responsive: true,
        maintainAspectRatio: false,
        animation: reduced ? false : { duration: 300 },
        scales: {
          x: { reverse: rtl, ticks: { ...ticks, maxRotation: 60, autoSkip: true }, grid: { display: false } },
          y: { beginAtZero: true, position: rtl ? "right" : "left", ticks: { ...ticks, precision: 0 }, grid: { color: "#e6eaee" } },
          ...(line ? { hours: { beginAtZero: true, position: rtl ? ("left" as const) : ("right" as const), ticks: { ...ticks, precision: 0 }, grid: { display: false }, title: { display: true, text: line.axis, color: "#1b1f23", font } } } : {}),
        },
        plugins: {
          legend: { display: true, rtl, labels: { color: "#1b1f23", font } },
          tooltip: { rtl, mode: "index", intersect: false },
        },
      },
    });
    return () => chart.destroy();
  }, [key]);
  return (
    <div className="chart" style={{ blockSize: "280px" }}>
      <canvas ref={ref} role="img" aria-label={props.label} />
    </div>
  );
}
