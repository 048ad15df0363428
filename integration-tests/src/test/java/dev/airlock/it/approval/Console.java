package dev.airlock.it.approval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** The approval console in real headless Chromium, driven as an approver clicks through it. */
final class Console implements AutoCloseable {

    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver browser;

    private Console(WebDriver browser) {
        this.browser = browser;
    }

    /** Skips the test, saying why, where this machine has no Chromium driver. */
    static Console open() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(DRIVER), "the console test needs Chromium and its driver "
                + "(apt-get install chromium chromium-driver): " + DRIVER + " is absent");
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        if (Files.isExecutable(Path.of("/usr/bin/chromium"))) {
            options.setBinary("/usr/bin/chromium");
        }
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory("airlock-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Console(driver);
    }

    /** Signs in with the token, opens the request, clicks Approve; returns the page's approvers line. */
    String approve(String consoleUrl, String token, String approvalId) {
        signIn(consoleUrl, token);
        browser.findElement(By.cssSelector("a[href='/requests/" + approvalId + "']")).click();
        org.openqa.selenium.WebElement button = browser.findElement(By.id("approve"));
        button.click();
        try {
            // The click posts the form: wait for the page that answers, which names the approvers.
            org.openqa.selenium.support.ui.WebDriverWait wait =
                    new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15));
            wait.until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(button));
            wait.until(d -> !d.findElements(By.id("approvers")).isEmpty());
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the console did not record the approval:\n" + pageText());
        }
        return browser.findElement(By.id("approvers")).getText();
    }

    /** Signs in and denies the request with a reason; returns the page's state badge. */
    String deny(String consoleUrl, String token, String approvalId, String reason) {
        signIn(consoleUrl, token);
        browser.get(consoleUrl + "/requests/" + approvalId);
        browser.findElement(By.id("reason")).sendKeys(reason);
        browser.findElement(By.id("deny")).click();
        return browser.findElement(By.id("state")).getText();
    }

    private void signIn(String consoleUrl, String token) {
        browser.get(consoleUrl + "/");
        if (!browser.findElements(By.id("token")).isEmpty()) {
            browser.findElement(By.id("token")).sendKeys(token);
            browser.findElement(By.id("sign-in")).click();
        }
        if (browser.getCurrentUrl().contains("token")) {
            throw new AssertionError("a secret went into a URL: " + browser.getCurrentUrl());
        }
    }

    String pageText() {
        return browser.findElement(By.tagName("body")).getText();
    }

    @Override
    public void close() {
        browser.quit();
    }
}
