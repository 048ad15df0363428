package dev.airlock.agent.internal;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * For an SDK Airlock cannot hook: every method of the given name (every constructor when there is none) starts
 * with a call to a static no-argument method of the bridge, which fails the call with a clear message. The
 * bridge is in the bootstrap loader, so this needs nothing defined in the SDK's loader.
 */
public final class RefusingHook {

    private RefusingHook() {
    }

    /**
     * @param methodName the methods to refuse; constructors when the class has no method of that name
     * @param owner the refusing method's class, internal name
     * @param name the refusing method, {@code public static void name()}
     */
    public static byte[] apply(byte[] classFile, String methodName, String owner, String name) {
        byte[] hooked = apply(classFile, methodName, owner, name, false);
        return hooked != null ? hooked : apply(classFile, "<init>", owner, name, true);
    }

    private static byte[] apply(byte[] classFile, String methodName, String owner, String name, boolean last) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        int[] hooked = new int[1];
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, method, descriptor, signature, exceptions);
                if (!method.equals(methodName) || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
                    return mv;
                }
                hooked[0]++;
                return new MethodVisitor(Opcodes.ASM9, mv) {
                    @Override
                    public void visitCode() {
                        super.visitCode();
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, owner, name, "()V", false);
                    }
                };
            }
        }, 0);
        return hooked[0] > 0 || last ? writer.toByteArray() : null;
    }
}
