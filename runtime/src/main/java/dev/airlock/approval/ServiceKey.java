package dev.airlock.approval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Set;

/**
 * The approval service's Ed25519 key pair: the private key signs grants and never leaves the service's own files
 * (owner-only); the public key, a PEM text, is what agents verify with.
 */
public final class ServiceKey {

    public static final String PRIVATE_FILE = "signing.key";
    public static final String PUBLIC_FILE = "signing.pub";

    private ServiceKey() {
    }

    /**
     * The key pair in {@code dir}, made on first use. The private key file is written owner-only.
     *
     * @throws ApprovalException when the key file can be read by others than its owner, or cannot be read
     */
    public static KeyPair loadOrCreate(Path dir) throws ApprovalException {
        Path privateFile = dir.resolve(PRIVATE_FILE);
        try {
            Files.createDirectories(dir);
            if (!Files.exists(privateFile)) {
                KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                writeOwnerOnly(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                writeOwnerOnly(dir.resolve(PUBLIC_FILE), publicPem(pair.getPublic()));
                return pair;
            }
            requireOwnerOnly(privateFile);
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            PrivateKey priv = factory.generatePrivate(new PKCS8EncodedKeySpec(unpem(Files.readString(privateFile))));
            PublicKey pub = readPublic(dir.resolve(PUBLIC_FILE));
            return new KeyPair(pub, priv);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new ApprovalException("the approval service's key in " + dir + " cannot be used: " + e.getMessage(),
                    e);
        }
    }

    /** Refuses a key file that the group or others may read or write: anyone who reads it can forge grants. */
    public static void requireOwnerOnly(Path file) throws ApprovalException, IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
        for (PosixFilePermission p : perms) {
            if (p.name().startsWith("GROUP") || p.name().startsWith("OTHERS")) {
                throw new ApprovalException("the signing key " + file + " is readable by others ("
                        + PosixFilePermissions.toString(perms) + "); anyone who can read it can forge approvals. "
                        + "Run `chmod 600 " + file + "` as the service's user, then start again");
            }
        }
    }

    /** A public key from its PEM file. */
    public static PublicKey readPublic(Path file) throws IOException, GeneralSecurityException {
        return parsePublic(Files.readString(file, StandardCharsets.US_ASCII));
    }

    public static PublicKey parsePublic(String pem) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(unpem(pem)));
    }

    public static String publicPem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(String text) {
        String body = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    /** Written to a temporary owner-only file first, then moved: the key is never readable by others. */
    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(temp);
        }
        Files.writeString(temp, text, StandardCharsets.US_ASCII);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    }
}
