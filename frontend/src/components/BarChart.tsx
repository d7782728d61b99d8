// A bar chart drawn by Chart.js on a canvas (only the bar parts are registered, so the
// library's other charts stay out of the bundle). It is a picture for sighted readers: the
// canvas is an image whose label names the chart, and every chart on the page has a table of
// the same numbers. Bars run from the start edge, so they mirror in right-to-left languages.
import { useEffect, useRef } from "react";
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from "chart.js";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface Series {
  label: string;
  data: number[];
  color: string;
}

export function BarChart(props: { labels: string[]; series: Series[]; label: string; rtl: boolean; locale: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const key = JSON.stringify([props.labels, props.series, props.rtl, props.locale]);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const [labels, series, rtl, locale] = JSON.parse(key) as [string[], Series[], boolean, string];
    const reduced = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
    const font = { family: getComputedStyle(document.documentElement).fontFamily, size: 13 };
    const chart = new Chart(canvas, {
      type: "bar",
      data: { labels, datasets: series.map((s) => ({ label: s.label, data: s.data, backgroundColor: s.color, borderColor: s.color, borderWidth: 1, maxBarThickness: 22 })) },
      options: {
        indexAxis: "y",
        locale,
        responsive: true,
        maintainAspectRatio: false,
        animation: reduced ? false : { duration: 300 },
        scales: {
          x: { beginAtZero: true, reverse: rtl, ticks: { precision: 0, color: "#1b1f23", font }, grid: { color: "#e6eaee" } },
          y: { position: rtl ? "right" : "left", ticks: { color: "#1b1f23", font, autoSkip: false }, grid: { display: false } },
        },
        plugins: {
          legend: { display: series.length > 1, rtl, labels: { color: "#1b1f23", font } },
          tooltip: { rtl },
        },
      },
    });
    return () => chart.destroy();
  }, [key]);
  const height = Math.max(120, props.labels.length * 28 * Math.max(1, props.series.length * 0.75) + 60);
  return (
    <div className="chart" style={{ blockSize: `${height}px` }}>
      <canvas ref={ref} role="img" aria-label={props.label} />
    </div>
  );
}
