package com.contactsync.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** The report's PNG charts, drawn with Java 2D (headless): no charting library for two simple charts. */
final class Charts {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 450;
    private static final int MARGIN = 60;

    private Charts() {
    }

    /** Histogram of the latencies in 20 equal buckets, with the p50/p95/p99 marks. */
    static void latency(List<Double> latenciesMs, Path png) throws IOException {
        List<Double> sorted = latenciesMs.stream().sorted().toList();
        double max = Math.max(1, sorted.isEmpty() ? 1 : sorted.get(sorted.size() - 1));
        int buckets = 20;
        int[] counts = new int[buckets];
        sorted.forEach(v -> counts[Math.min(buckets - 1, (int) (Math.max(0, v) / max * buckets))]++);
        int top = 1;
        for (int c : counts) {
            top = Math.max(top, c);
        }
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image, "BC commit → Outlook write (n=" + sorted.size() + ")", "ms", "contacts",
                max, top);
        double barWidth = (WIDTH - 2.0 * MARGIN) / buckets;
        g.setColor(new Color(0x3b7dd8));
        for (int i = 0; i < buckets; i++) {
            int h = (int) ((HEIGHT - 2.0 * MARGIN) * counts[i] / top);
            g.fillRect((int) (MARGIN + i * barWidth) + 1, HEIGHT - MARGIN - h, (int) barWidth - 2, h);
        }
        g.setColor(Color.RED);
        for (int p : new int[] {50, 95, 99}) {
            double v = Benchmark.percentile(sorted, p);
            int x = (int) (MARGIN + (WIDTH - 2.0 * MARGIN) * v / max);
            g.drawLine(x, MARGIN, x, HEIGHT - MARGIN);
            g.drawString("p" + p + " " + Math.round(v) + " ms", x + 3, MARGIN + 12 * (p == 50 ? 1 : p == 95 ? 2 : 3));
        }
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }

    /** Outlook writes per second over the pipeline scenario, with the baseline's average as a dashed line. */
    static void throughput(List<Double> perSecond, double baseline, double target, Path png) throws IOException {
        double top = Math.max(1, Math.max(target, Math.max(baseline,
                perSecond.stream().mapToDouble(Double::doubleValue).max().orElse(1))));
        int seconds = Math.max(1, perSecond.size());
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image, "Outlook contact writes per second (pipeline)", "s", "writes/s", seconds, top);
        g.setColor(new Color(0x3b7dd8));
        g.setStroke(new BasicStroke(2));
        for (int i = 1; i < perSecond.size(); i++) {
            g.drawLine(x(i - 1, seconds), y(perSecond.get(i - 1), top), x(i, seconds), y(perSecond.get(i), top));
        }
        g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 6}, 0));
        g.setColor(Color.GRAY);
        g.drawLine(MARGIN, y(baseline, top), WIDTH - MARGIN, y(baseline, top));
        g.drawString("classic sync " + Math.round(baseline) + "/s", MARGIN + 5, y(baseline, top) - 4);
        g.setColor(new Color(0x2a9d3a));
        g.drawLine(MARGIN, y(target, top), WIDTH - MARGIN, y(target, top));
        g.drawString("target " + Math.round(target) + "/s", MARGIN + 5, y(target, top) - 4);
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }

    private static int x(double v, double max) {
        return (int) (MARGIN + (WIDTH - 2.0 * MARGIN) * v / max);
    }

    private static int y(double v, double max) {
        return (int) (HEIGHT - MARGIN - (HEIGHT - 2.0 * MARGIN) * v / max);
    }

    private static Graphics2D canvas(BufferedImage image, String title, String xUnit, String yUnit, double xMax,
                                     double yMax) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, MARGIN, MARGIN / 2);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawLine(MARGIN, HEIGHT - MARGIN, WIDTH - MARGIN, HEIGHT - MARGIN);
        g.drawLine(MARGIN, MARGIN, MARGIN, HEIGHT - MARGIN);
        for (int i = 0; i <= 4; i++) {
            g.drawString(String.valueOf(Math.round(xMax * i / 4)), x(xMax * i / 4, xMax) - 8, HEIGHT - MARGIN + 15);
            g.drawString(String.valueOf(Math.round(yMax * i / 4)), 5, y(yMax * i / 4, yMax) + 4);
        }
        g.drawString(xUnit, WIDTH - MARGIN + 5, HEIGHT - MARGIN + 4);
        g.drawString(yUnit, 5, MARGIN - 8);
        return g;
    }
}
