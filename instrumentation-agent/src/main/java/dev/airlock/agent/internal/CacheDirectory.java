package dev.airlock.agent.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Where the agent keeps the jars it unpacks: {@code $XDG_CACHE_HOME/airlock} or {@code ~/.cache/airlock},
 * readable by the user alone. The JVM loads code from there, so a directory another user could write to is never
 * used; when there is no usable one, a private temporary directory is used and removed at exit.
 */
final class CacheDirectory {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final Path path;
    private final boolean temporary;

    private CacheDirectory(Path path, boolean temporary) {
        this.path = path;
        this.temporary = temporary;
    }

    static CacheDirectory resolve() throws IOException {
        return resolve(preferred());
    }

    /** {@code preferred} when it is (or can be made) private to this user; else a temporary directory. */
    static CacheDirectory resolve(Path preferred) throws IOException {
        if (preferred != null) {
            try {
                if (!Files.exists(preferred, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(preferred.getParent());
                    Files.createDirectory(preferred, ownerOnly());
                }
                if (isPrivate(preferred)) {
                    return new CacheDirectory(preferred, false);
                }
            } catch (IOException | RuntimeException e) {
                // fall through to a private temporary directory
            }
        }
        Path fresh = Files.createTempDirectory("airlock-", ownerOnly());
        fresh.toFile().deleteOnExit();
        return new CacheDirectory(fresh, true);
    }

    Path path() {
        return path;
    }

    boolean temporary() {
        return temporary;
    }

    /** Where the content of a file to store comes from; opened only when the file must be written. */
    interface Content {
        InputStream open() throws IOException;
    }

    /**
     * Writes {@code content} as {@code name} unless a file of that name and size is already there. Written to a
     * temporary name first and moved into place, so a JVM starting at the same time never reads half a jar.
     */
    Path store(String name, long size, Content content) throws IOException {
        Path dir = path;
        Path target = dir.resolve(name);
        if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && Files.size(target) == size) {
            return target;
        }
        Path tmp = Files.createTempFile(dir, name, ".tmp");
        try {
            try (InputStream in = content.open()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            if (Files.size(tmp) != size) {
                throw new IOException("unpacking " + name + " gave " + Files.size(tmp) + " bytes, not " + size);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        if (temporary) {
            target.toFile().deleteOnExit();
        }
        return target;
    }

    private static Path preferred() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "airlock");
        }
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() || "?".equals(home) ? null : Path.of(home, ".cache", "airlock");
    }

    /** A real directory, owned by whoever runs this JVM, that no one else may write to. */
    private static boolean isPrivate(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || !Files.isWritable(dir)) {
            return false;
        }
        if (!POSIX) {
            return true;
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
        if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
            return false;
        }
        // Not createTempFile: its random name costs the host's start the seeding of a SecureRandom. Nor the pid:
        // ProcessHandle's first use builds the JDK's process reaper. A JVM starting at the same nanosecond with the
        // same object hash fails the create, and unpacks to a temporary directory instead; nothing worse.
        Path probe = Files.createFile(dir.resolve("owner-" + Long.toHexString(System.nanoTime()) + "-"
                + Integer.toHexString(System.identityHashCode(new Object())) + ".tmp"), ownerOnly());
        try {
            return Files.getOwner(probe).equals(Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS));
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }
}
