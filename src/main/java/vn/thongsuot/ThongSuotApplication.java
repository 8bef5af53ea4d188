package vn.thongsuot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ThongSuotApplication {

  public static void main(String[] args) {
    SpringApplication.run(ThongSuotApplication.class, args);
  }
}
