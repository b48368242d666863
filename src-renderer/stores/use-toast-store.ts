/** Transient notifications shown in the corner; text only, never a secret. */
import { create } from 'zustand'

export type ToastKind = 'success' | 'error' | 'info'
export interface Toast {
  id: number
  kind: ToastKind
  title: string
  body?: string
}

interface ToastState {
  toasts: Toast[]
  push: (toast: Omit<Toast, 'id'>, ttlMs?: number) => number
  dismiss: (id: number) => void
}

let nextId = 1

export const useToastStore = create<ToastState>((set, get) => ({
  toasts: [],
  push: (toast, ttlMs = 5000) => {
    const id = nextId++
    set({ toasts: [...get().toasts.slice(-4), { ...toast, id }] })
    if (ttlMs > 0) window.setTimeout(() => get().dismiss(id), ttlMs)
    return id
  },
  dismiss: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
}))

/** Shorthand for components outside React's render (event handlers, stores). */
export const toast = (t: Omit<Toast, 'id'>, ttlMs?: number) =>
  useToastStore.getState().push(t, ttlMs)
