package io.livecomplaints.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartTest {

    @Test
    void writesOnePanelPerChartIntoAPng(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("chart.png");
        Chart throughput = new Chart("throughput", "offered", "per second", false)
                .add("completed", List.of(new double[] {10, 10}, new double[] {20, 19}, new double[] {40, 25}));
        Chart latency = new Chart("latency", "offered", "ms", true).add("p99", List.of(new double[] {10, 80}, new double[] {40, 4000}))
                .shade(15, 30);

        Chart.write(png, List.of(throughput, latency));

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(2 * 340);
    }

    @Test
    void axisLabelsAreShort() {
        assertThat(Chart.format(25_000)).isEqualTo("25k");
        assertThat(Chart.format(250)).isEqualTo("250");
        assertThat(Chart.format(2.5)).isEqualTo("2.5");
        assertThat(Chart.format(0.25)).isEqualTo("0.25");
    }
}
