package io.newsstream.localstack;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension giving integration tests one shared {@link LocalStack} per test JVM.
 *
 * <p>Use {@code @ExtendWith(LocalStackExtension.class)} and declare a {@code LocalStack}
 * parameter (constructor, {@code @BeforeAll}, {@code @Test}...), or call {@link #localStack()}
 * from code that runs before parameters are resolved (for example a Micronaut
 * {@code TestPropertyProvider}). The stack starts lazily on first use, with free ports and
 * ephemeral storage in {@code target/local-stack} (override with the system property
 * {@value #WORK_DIR_PROPERTY}), and is closed when the root extension context closes, i.e. after
 * the last test of the JVM; a JVM shutdown hook is the safety net.
 *
 * <p>Tests share the broker: use topic names of your own (or unique per test) and create them
 * with {@link LocalStack#createTopics}.
 */
public final class LocalStackExtension implements BeforeAllCallback, ParameterResolver {

  /** System property naming the work directory of the shared stack. */
  public static final String WORK_DIR_PROPERTY = "newsstream.localstack.dir";

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalStackExtension.class);
  private static final Object LOCK = new Object();
  private static LocalStack shared;

  /**
   * The shared stack, started on first call. Prefer the parameter: through it the stack is also
   * closed at the end of the test run instead of at JVM exit.
   */
  public static LocalStack localStack() {
    synchronized (LOCK) {
      if (shared == null || shared.isClosed()) {
        Path workDir = Path.of(System.getProperty(WORK_DIR_PROPERTY, Path.of("target", "local-stack").toString()));
        shared = LocalStack.builder().workDir(workDir).persistent(false).start();
      }
      return shared;
    }
  }

  private static LocalStack localStack(ExtensionContext context) {
    LocalStack stack = localStack();
    // The root store closes AutoCloseable values when the whole test plan has run.
    context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(SharedStackCloser.class, key -> new SharedStackCloser());
    return stack;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    localStack(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == LocalStack.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return localStack(extensionContext);
  }

  /** Closes the shared stack when the root context's store is closed. */
  private static final class SharedStackCloser implements AutoCloseable {
    @Override
    public void close() {
      synchronized (LOCK) {
        if (shared != null) {
          shared.close();
          shared = null;
        }
      }
    }
  }
}
