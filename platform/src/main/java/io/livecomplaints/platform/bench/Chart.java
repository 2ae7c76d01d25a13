package io.livecomplaints.platform.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A line chart drawn with java.awt (headless), several stacked into one PNG: enough for benchmark plots without a
 * charting dependency. Y can be logarithmic (latencies spanning milliseconds to seconds).
 */
final class Chart {

    /** A named line of (x, y) points. */
    record Series(String name, List<double[]> points) {
    }

    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
            new Color(0x9467bd), new Color(0x8c564b), new Color(0x17becf)};
    private static final int WIDTH = 900;
    private static final int HEIGHT = 340;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean logY;
    private final List<Series> series = new ArrayList<>();
    private final List<double[]> markers = new ArrayList<>();

    Chart(String title, String xLabel, String yLabel, boolean logY) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.logY = logY;
    }

    Chart add(String name, List<double[]> points) {
        series.add(new Series(name, points));
        return this;
    }

    /** A shaded x range, e.g. the burst. */
    Chart shade(double fromX, double toX) {
        markers.add(new double[] {fromX, toX});
        return this;
    }

    /** Draws the charts one under the other into a PNG. */
    static void write(Path png, List<Chart> charts) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT * charts.size(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int i = 0; i < charts.size(); i++) {
            charts.get(i).draw(g, 0, i * HEIGHT);
        }
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }

    private double y(double value) {
        return logY ? Math.log10(Math.max(value, 0.1)) : value;
    }

    private void draw(Graphics2D g, int ox, int oy) {
        int left = ox + 80;
        int right = ox + WIDTH - 190;
        int top = oy + 36;
        int bottom = oy + HEIGHT - 50;
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Series s : series) {
            for (double[] p : s.points()) {
                minX = Math.min(minX, p[0]);
                maxX = Math.max(maxX, p[0]);
                minY = Math.min(minY, y(p[1]));
                maxY = Math.max(maxY, y(p[1]));
            }
        }
        if (minX == Double.MAX_VALUE) {
            minX = 0;
            maxX = 1;
            minY = 0;
            maxY = 1;
        }
        if (!logY) {
            minY = Math.min(0, minY);
        } else {
            minY = Math.floor(minY);
            maxY = Math.ceil(maxY);
        }
        if (maxX == minX) {
            maxX = minX + 1;
        }
        if (maxY <= minY) {
            maxY = minY + 1;
        }
        maxY = logY ? maxY : maxY * 1.08;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, left, oy + 22);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (double[] m : markers) {
            g.setColor(new Color(255, 235, 200));
            int x0 = (int) (left + (m[0] - minX) / (maxX - minX) * (right - left));
            int x1 = (int) (left + (m[1] - minX) / (maxX - minX) * (right - left));
            g.fillRect(Math.max(left, x0), top, Math.max(1, Math.min(right, x1) - Math.max(left, x0)), bottom - top);
        }
        g.setColor(new Color(0xdddddd));
        int ticks = 5;
        for (int t = 0; t <= ticks; t++) {
            int py = bottom - t * (bottom - top) / ticks;
            int px = left + t * (right - left) / ticks;
            g.setColor(new Color(0xe5e5e5));
            g.drawLine(left, py, right, py);
            g.drawLine(px, top, px, bottom);
            g.setColor(Color.DARK_GRAY);
            double yv = minY + t * (maxY - minY) / ticks;
            g.drawString(format(logY ? Math.pow(10, yv) : yv), left - 60, py + 4);
            g.drawString(format(minX + t * (maxX - minX) / ticks), px - 12, bottom + 16);
        }
        g.setColor(Color.BLACK);
        g.drawRect(left, top, right - left, bottom - top);
        g.drawString(xLabel, (left + right) / 2 - 60, bottom + 36);
        g.drawString(yLabel + (logY ? " (log)" : ""), left - 75, top - 6);
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            g.setColor(COLORS[i % COLORS.length]);
            g.setStroke(new BasicStroke(2f));
            int[] previous = null;
            for (double[] p : s.points()) {
                int px = (int) (left + (p[0] - minX) / (maxX - minX) * (right - left));
                int py = (int) (bottom - (y(p[1]) - minY) / (maxY - minY) * (bottom - top));
                if (previous != null) {
                    g.drawLine(previous[0], previous[1], px, py);
                }
                if (s.points().size() < 30) {
                    g.fillOval(px - 3, py - 3, 6, 6);
                }
                previous = new int[] {px, py};
            }
            g.fillRect(right + 15, top + 8 + i * 20, 14, 4);
            g.drawString(s.name(), right + 35, top + 14 + i * 20);
        }
        g.setStroke(new BasicStroke(1f));
    }

    static String format(double v) {
        double a = Math.abs(v);
        if (a >= 10_000) {
            return String.format("%.0fk", v / 1000);
        }
        if (a >= 100 || a == 0) {
            return String.format("%.0f", v);
        }
        if (a >= 1) {
            return String.format("%.1f", v);
        }
        return String.format("%.2f", v);
    }
}
