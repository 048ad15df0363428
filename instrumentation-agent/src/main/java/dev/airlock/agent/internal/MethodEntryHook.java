package dev.airlock.agent.internal;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Makes a method start with a call to a static hook that gets the method's arguments as {@code Object}s,
 * preceded by {@code this} for an instance method: {@code hook([this,] arg0, arg1, ...)}, then the method's own
 * code. The hook may throw to stop the call.
 *
 * <p>Only code is added to one method body: no field, method or attribute changes, so the result is valid for
 * retransformation of a class already loaded. The rest of the class file is copied as it is, and nothing the
 * class refers to is loaded, which keeps this cheap enough for the host's start: a few dozen ASM classes instead
 * of a general instrumentation framework.
 */
public final class MethodEntryHook {

    private final String methodName;
    private final int argumentCount;
    private final boolean instance;
    private final String hookOwner;
    private final String hookName;
    private final String hookDescriptor;

    /**
     * @param methodName the static method to hook, which must take {@code argumentCount} reference arguments
     * @param hookOwner the hook's class, binary name
     * @param hookName the hook, a {@code public static void} method taking {@code argumentCount} {@code Object}s
     */
    public MethodEntryHook(String methodName, int argumentCount, String hookOwner, String hookName) {
        this(methodName, argumentCount, false, hookOwner, hookName);
    }

    /**
     * @param instance true to hook an instance method, whose hook takes {@code this} first
     */
    public MethodEntryHook(String methodName, int argumentCount, boolean instance, String hookOwner,
                           String hookName) {
        this.methodName = methodName;
        this.argumentCount = argumentCount;
        this.instance = instance;
        this.hookOwner = hookOwner.replace('.', '/');
        this.hookName = hookName;
        this.hookDescriptor = "(" + "Ljava/lang/Object;".repeat(loadedValues()) + ")V";
    }

    /** The same hook, with its hook class at another binary name (the hooks of a relocated SDK). */
    public MethodEntryHook withHookOwner(String binaryName) {
        return new MethodEntryHook(methodName, argumentCount, instance, binaryName, hookName);
    }

    /** The hooked method's name. */
    public String methodName() {
        return methodName;
    }

    /** What the hook gets: {@code this} for an instance method, then the arguments, all references. */
    private int loadedValues() {
        return argumentCount + (instance ? 1 : 0);
    }

    /**
     * The class file with the hook added.
     *
     * @throws IllegalStateException when the class has no such method, or more than one
     */
    public byte[] apply(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        Hooking hooking = new Hooking(writer);
        reader.accept(hooking, 0);
        if (hooking.hooked != 1) {
            throw new IllegalStateException(reader.getClassName() + " has " + hooking.hooked
                    + (instance ? " instance" : " static") + " methods "
                    + methodName + " with " + argumentCount + " reference arguments, not one");
        }
        return writer.toByteArray();
    }

    private boolean matches(int access, String name, String descriptor) {
        boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
        // A bridge method only calls the real one, which is hooked: hooking both would decide a call twice.
        if (isStatic == instance || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_BRIDGE)) != 0
                || !name.equals(methodName)) {
            return false;
        }
        Type[] arguments = Type.getArgumentTypes(descriptor);
        if (arguments.length != argumentCount) {
            return false;
        }
        for (Type argument : arguments) {
            if (argument.getSort() != Type.OBJECT && argument.getSort() != Type.ARRAY) {
                return false;
            }
        }
        return true;
    }

    private final class Hooking extends ClassVisitor {

        int hooked;

        Hooking(ClassVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
            if (!matches(access, name, descriptor)) {
                return method;
            }
            hooked++;
            return new MethodVisitor(Opcodes.ASM9, method) {
                @Override
                public void visitCode() {
                    super.visitCode();
                    // The stack is empty before and after, and no local is added: the method's frames stay valid.
                    // References only: each takes one local slot, this (if any) first.
                    for (int i = 0; i < loadedValues(); i++) {
                        super.visitVarInsn(Opcodes.ALOAD, i);
                    }
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, hookOwner, hookName, hookDescriptor, false);
                }

                @Override
                public void visitMaxs(int maxStack, int maxLocals) {
                    super.visitMaxs(Math.max(maxStack, loadedValues()), maxLocals);
                }
            };
        }
    }
}
