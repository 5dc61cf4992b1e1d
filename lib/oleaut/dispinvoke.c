/*
 * oleaut/dispinvoke.c — late binding over a type description: the engine
 * behind ITypeInfo::Invoke for vtable members (dual and plain interfaces),
 * and DispInvoke / DispGetIDsOfNames / DispGetParam on top of it.
 *
 * The engine turns DISPPARAMS (arguments in reverse order, named arguments
 * first) into a DispCallFunc call described by the member's FUNCDESC:
 *   - positional argument k (0 = first in the IDL) is rgvarg[cArgs-1-k];
 *     a named argument's DISPID is the parameter's index; a property put's
 *     value is the one named DISPID_PROPERTYPUT (or the last positional);
 *   - [lcid] parameters get the locale, [retval] a slot the result is moved
 *     out of, missing [optional] ones their [defaultvalue] or VT_ERROR
 *     DISP_E_PARAMNOTFOUND;
 *   - every argument is coerced to the parameter's type with
 *     VariantChangeType (aliases, enums, interfaces resolved first); a
 *     failure reports the argument's index in rgvarg order in *puArgErr;
 *   - a [vararg] method's last input gets the remaining positional
 *     arguments as a SAFEARRAY(VARIANT); named arguments are refused;
 *   - an HRESULT method is called with a VT_ERROR result, and a failure
 *     becomes DISP_E_EXCEPTION with EXCEPINFO filled from the object's
 *     IErrorInfo (when ISupportErrorInfo says it has one), as Windows does.
 */
#define COBJMACROS
#include <stdlib.h>
#include <string.h>

#include "oleaut/locale.h"
#include "oleaut/oleaut_internal.h"

/* Inheritance chains and alias chains deeper than this are refused: a
 * type library is untrusted input and may loop. */
#define DI_MAX_DEPTH 32

/* Resolves a parameter or result TYPEDESC to the VARTYPE it travels as:
 * aliases followed, enums as VT_I4, interface pointers as VT_UNKNOWN or
 * VT_DISPATCH, records as VT_RECORD, other pointers as VT_BYREF, HRESULT
 * as VT_ERROR.  DISP_E_BADVARTYPE for what cannot be passed. */
static HRESULT comrt__disp_resolve(ITypeInfo *ti, const TYPEDESC *td, VARTYPE *out, int depth)
{
    HRESULT hr = S_OK;
    VARTYPE v = VT_EMPTY;
    ITypeInfo *ref = NULL;
    TYPEATTR *ta = NULL;

    if (!td || depth > DI_MAX_DEPTH) {
        hr = DISP_E_BADVARTYPE;
        goto out;
    }
    switch (td->vt) {
    case VT_PTR:
        hr = comrt__disp_resolve(ti, td->lptdesc, &v, depth + 1);
        if (hr != S_OK) goto out;
        if (td->lptdesc && td->lptdesc->vt == VT_USERDEFINED && (v == VT_UNKNOWN || v == VT_DISPATCH))
            break; /* IFoo * is the interface itself */
        if (v & VT_BYREF) {
            hr = DISP_E_BADVARTYPE;
            goto out;
        }
        v |= VT_BYREF;
        break;
    case VT_SAFEARRAY:
        hr = comrt__disp_resolve(ti, td->lptdesc, &v, depth + 1);
        if (hr != S_OK) goto out;
        if (v & (VT_BYREF | VT_ARRAY)) {
            hr = DISP_E_BADVARTYPE;
            goto out;
        }
        v |= VT_ARRAY;
        break;
    case VT_USERDEFINED:
        hr = ITypeInfo_GetRefTypeInfo(ti, td->hreftype, &ref);
        if (hr != S_OK) goto out;
        hr = ITypeInfo_GetTypeAttr(ref, &ta);
        if (hr != S_OK) goto out;
        switch (ta->typekind) {
        case TKIND_ALIAS: hr = comrt__disp_resolve(ref, &ta->tdescAlias, &v, depth + 1); break;
        case TKIND_ENUM: v = VT_I4; break;
        case TKIND_RECORD:
        case TKIND_UNION: v = VT_RECORD; break;
        case TKIND_DISPATCH: v = VT_DISPATCH; break;
        case TKIND_INTERFACE: v = (ta->wTypeFlags & TYPEFLAG_FDISPATCHABLE) ? VT_DISPATCH : VT_UNKNOWN; break;
        case TKIND_COCLASS: v = VT_UNKNOWN; break;
        default: hr = DISP_E_BADVARTYPE; break;
        }
        break;
    case VT_HRESULT: v = VT_ERROR; break;
    case VT_CARRAY:
    case VT_LPSTR:
    case VT_LPWSTR:
        hr = DISP_E_BADVARTYPE;
        break;
    default: v = td->vt; break;
    }
out:
    if (ta) ITypeInfo_ReleaseTypeAttr(ref, ta);
    if (ref) ITypeInfo_Release(ref);
    if (hr == S_OK) *out = v;
    return hr;
}

/* Finds the function memid callable with flags in ti or its bases (the
 * interface view).  On S_OK *owner (AddRef'ed) and *fd (to release with
 * ReleaseFuncDesc on *owner) are set; DISP_E_MEMBERNOTFOUND otherwise. */
static HRESULT comrt__disp_find(ITypeInfo *ti, MEMBERID memid, WORD flags, ITypeInfo **owner, FUNCDESC **fd)
{
    HRESULT hr = DISP_E_MEMBERNOTFOUND;
    ITypeInfo *cur = ti;
    ITypeInfo_AddRef(cur);
    for (int depth = 0; depth < DI_MAX_DEPTH && cur; depth++) {
        TYPEATTR *ta = NULL;
        ITypeInfo *base = NULL;
        HREFTYPE href;
        WORD nfuncs, nimpl;
        if (ITypeInfo_GetTypeAttr(cur, &ta) != S_OK) break;
        nfuncs = ta->cFuncs;
        nimpl = ta->cImplTypes;
        ITypeInfo_ReleaseTypeAttr(cur, ta);
        for (UINT i = 0; i < nfuncs; i++) {
            FUNCDESC *f = NULL;
            if (ITypeInfo_GetFuncDesc(cur, i, &f) != S_OK) continue;
            if (f->memid == memid && (f->invkind & flags)) {
                *owner = cur;
                *fd = f;
                return S_OK;
            }
            ITypeInfo_ReleaseFuncDesc(cur, f);
        }
        if (nimpl < 1 || ITypeInfo_GetRefTypeOfImplType(cur, 0, &href) != S_OK ||
            ITypeInfo_GetRefTypeInfo(cur, href, &base) != S_OK)
            base = NULL;
        ITypeInfo_Release(cur);
        cur = base;
    }
    if (cur) ITypeInfo_Release(cur);
    return hr;
}

/* Fills *ei from the object's IErrorInfo after a method failed with hr
 * (when it supports rich errors for iid); scode is hr in any case. */
static void comrt__disp_excepinfo(IUnknown *obj, const GUID *iid, HRESULT hr, EXCEPINFO *ei)
{
    ISupportErrorInfo *sei = NULL;
    IErrorInfo *err = NULL;
    if (!ei) return;
    memset(ei, 0, sizeof *ei);
    ei->scode = hr;
    if (IUnknown_QueryInterface(obj, &IID_ISupportErrorInfo, (void **)&sei) == S_OK) {
        if (ISupportErrorInfo_InterfaceSupportsErrorInfo(sei, iid) == S_OK && GetErrorInfo(0, &err) == S_OK && err) {
            IErrorInfo_GetSource(err, &ei->bstrSource);
            IErrorInfo_GetDescription(err, &ei->bstrDescription);
            IErrorInfo_GetHelpFile(err, &ei->bstrHelpFile);
            IErrorInfo_GetHelpContext(err, &ei->dwHelpContext);
            IErrorInfo_Release(err);
        }
        ISupportErrorInfo_Release(sei);
    }
}

/* Whether v is the "missing argument" marker. */
static BOOL di_missing(const VARIANT *v)
{
    return V_VT(v) == VT_ERROR && V_ERROR(v) == DISP_E_PARAMNOTFOUND;
}

static HRESULT comrt__disp_call(ITypeInfo *ti, FUNCDESC *fd, const GUID *iid, void *inst, WORD flags,
                                DISPPARAMS *dp, VARIANT *res, EXCEPINFO *ei, UINT *argerr);

/* The [vararg] array: positional arguments from IDL position `from` on,
 * copied in IDL order into a new SAFEARRAY(VARIANT) (lower bound 0) held
 * by *out as VT_ARRAY|VT_VARIANT (the caller clears it). */
static HRESULT comrt__disp_vararg(const DISPPARAMS *dp, UINT from, VARIANT *out)
{
    HRESULT hr = S_OK;
    UINT npos = dp->cArgs - dp->cNamedArgs, count = npos - from;
    SAFEARRAY *sa = SafeArrayCreateVector(VT_VARIANT, 0, count);
    VARIANT *data = NULL;

    if (!sa) {
        hr = E_OUTOFMEMORY;
        goto out;
    }
    if (count) {
        hr = SafeArrayAccessData(sa, (void **)&data);
        if (hr != S_OK) goto out;
        for (UINT j = 0; j < count && hr == S_OK; j++)
            hr = VariantCopy(&data[j], &dp->rgvarg[dp->cArgs - 1 - (from + j)]);
        SafeArrayUnaccessData(sa);
        if (hr != S_OK) goto out;
    }
    V_VT(out) = VT_ARRAY | VT_VARIANT;
    V_ARRAY(out) = sa;
    sa = NULL;
out:
    if (sa) SafeArrayDestroy(sa);
    return hr;
}

/* A property get called with more arguments than it takes: the property
 * is read without them and the arguments go to its value's default member
 * (DISPID_VALUE); DISP_E_NOTACOLLECTION when the value is no object. */
static HRESULT comrt__disp_collection(ITypeInfo *ti, FUNCDESC *fd, const GUID *iid, void *inst, WORD flags,
                                      DISPPARAMS *dp, VARIANT *res, EXCEPINFO *ei, UINT *argerr)
{
    static const GUID iid_null;
    DISPPARAMS none = { NULL, NULL, 0, 0 };
    VARIANT value;
    HRESULT hr;

    VariantInit(&value);
    hr = comrt__disp_call(ti, fd, iid, inst, DISPATCH_PROPERTYGET, &none, &value, ei, argerr);
    if (hr != S_OK) goto out;
    if (V_VT(&value) != VT_DISPATCH || !V_DISPATCH(&value)) {
        hr = DISP_E_NOTACOLLECTION;
        goto out;
    }
    hr = IDispatch_Invoke(V_DISPATCH(&value), DISPID_VALUE, &iid_null, LOCALE_USER_DEFAULT, flags, dp, res, ei,
                          argerr);
out:
    VariantClear(&value);
    return hr;
}

/* Where a by-reference parameter of base type `base` points into v: the
 * union, except that a DECIMAL overlays the whole VARIANT and a VARIANT is
 * v itself. */
static void *di_valptr(VARIANT *v, VARTYPE base)
{
    if (base == VT_VARIANT) return v;
    if (base == VT_DECIMAL) return &V_DECIMAL(v);
    return &V_UI1(v);
}

/* The call through the vtable once fd is known (fd from the interface
 * view; iid is that interface's). */
static HRESULT comrt__disp_call(ITypeInfo *ti, FUNCDESC *fd, const GUID *iid, void *inst, WORD flags,
                                DISPPARAMS *dp, VARIANT *res, EXCEPINFO *ei, UINT *argerr)
{
    HRESULT hr = S_OK;
    UINT n = (UINT)(fd->cParams > 0 ? fd->cParams : 0);
    UINT cargs = dp->cArgs, cnamed = dp->cNamedArgs, npos = cargs - cnamed;
    UINT ninputs = 0, k = 0, last_input = (UINT)-1, retval = (UINT)-1, vararg = (UINT)-1;
    VARIANT *slot = NULL, *hold = NULL, **pslot = NULL, ret;
    VARTYPE *vts = NULL, vtret = VT_EMPTY;
    BOOL put = (flags & (DISPATCH_PROPERTYPUT | DISPATCH_PROPERTYPUTREF)) != 0;
    size_t each = 2 * sizeof(VARIANT) + sizeof(VARIANT *) + sizeof(VARTYPE);

    VariantInit(&ret);
    if (n) {
        char *block = calloc(n, each);
        if (!block) {
            hr = E_OUTOFMEMORY;
            goto out;
        }
        slot = (VARIANT *)block;
        hold = slot + n;
        pslot = (VARIANT **)(hold + n);
        vts = (VARTYPE *)(pslot + n);
    }
    for (UINT i = 0; i < n; i++) {
        USHORT pf = fd->lprgelemdescParam[i].paramdesc.wParamFlags;
        if (pf & PARAMFLAG_FRETVAL)
            retval = i;
        else if (!(pf & PARAMFLAG_FLCID)) {
            ninputs++;
            last_input = i;
        }
    }
    /* [vararg]: the last input parameter, a SAFEARRAY(VARIANT), receives
     * every positional argument past the others; no named arguments. */
    if (fd->cParamsOpt == -1 && last_input != (UINT)-1) {
        VARTYPE t = VT_EMPTY;
        if (comrt__disp_resolve(ti, &fd->lprgelemdescParam[last_input].tdesc, &t, 0) == S_OK &&
            t == (VT_ARRAY | VT_VARIANT))
            vararg = last_input;
        if (vararg != (UINT)-1 && cnamed) {
            hr = DISP_E_NONAMEDARGS;
            goto out;
        }
    }
    /* The count rule the oracle follows: every parameter but the [retval]
     * may take an argument ([lcid] ones ignore theirs). */
    if (vararg == (UINT)-1 && cargs > n - (retval != (UINT)-1 ? 1u : 0u)) {
        if (flags & DISPATCH_PROPERTYGET) {
            /* obj.Prop(args) where Prop takes none: the arguments index the
             * property's value, which must be a collection object. */
            hr = comrt__disp_collection(ti, fd, iid, inst, flags, dp, res, ei, argerr);
            goto out;
        }
        hr = DISP_E_BADPARAMCOUNT;
        goto out;
    }
    /* Every named argument must name an input parameter. */
    for (UINT j = 0; j < cnamed; j++) {
        DISPID id = dp->rgdispidNamedArgs[j];
        BOOL ok = put && id == DISPID_PROPERTYPUT && last_input != (UINT)-1;
        if (id >= 0 && (UINT)id < n && id != (DISPID)retval &&
            !(fd->lprgelemdescParam[id].paramdesc.wParamFlags & PARAMFLAG_FLCID))
            ok = TRUE;
        if (!ok) {
            if (argerr) *argerr = j;
            hr = DISP_E_PARAMNOTFOUND;
            goto out;
        }
    }

    for (UINT i = 0; i < n; i++) {
        ELEMDESC *ed = &fd->lprgelemdescParam[i];
        USHORT pf = ed->paramdesc.wParamFlags;
        VARTYPE t;
        VARIANT *a = NULL;
        UINT aidx = 0;
        BOOL opt;

        VariantInit(&slot[i]);
        VariantInit(&hold[i]);
        pslot[i] = &slot[i];
        hr = comrt__disp_resolve(ti, &ed->tdesc, &t, 0);
        if (hr == S_OK && (t & VT_TYPEMASK) == VT_RECORD && !(t & VT_ARRAY))
            hr = DISP_E_BADVARTYPE; /* a struct by value or by reference: not passed late-bound */
        if (hr != S_OK) goto out;
        vts[i] = t;
        if (pf & PARAMFLAG_FLCID) {
            V_VT(&slot[i]) = VT_I4;
            V_I4(&slot[i]) = (LONG)comrt__locale_get(LOCALE_USER_DEFAULT)->lcid; /* resolved, as Windows passes it */
            continue;
        }
        if (i == retval) {
            VARTYPE x = t & ~VT_BYREF;
            if (!(t & VT_BYREF)) {
                hr = DISP_E_BADVARTYPE;
                goto out;
            }
            V_VT(&slot[i]) = t;
            if (x == VT_VARIANT) {
                V_VARIANTREF(&slot[i]) = &hold[i];
            } else {
                V_VT(&hold[i]) = x;
                V_BYREF(&slot[i]) = di_valptr(&hold[i], x);
            }
            continue;
        }
        /* The argument for this input: named first, then positional. */
        for (UINT j = 0; j < cnamed; j++) {
            DISPID id = dp->rgdispidNamedArgs[j];
            if (id == (DISPID)i || (put && id == DISPID_PROPERTYPUT && i == last_input)) {
                a = &dp->rgvarg[j];
                aidx = j;
                break;
            }
        }
        if (i == vararg) {
            hr = comrt__disp_vararg(dp, k < npos ? k : npos, &hold[i]);
            if (hr != S_OK) goto out;
            pslot[i] = &hold[i];
            continue;
        }
        if (put && i == last_input) {
            /* A put's value is only ever the named DISPID_PROPERTYPUT. */
            if (!a) {
                hr = DISP_E_PARAMNOTFOUND;
                goto out;
            }
        } else if (!a && k < npos) {
            aidx = cargs - 1 - k;
            a = &dp->rgvarg[aidx];
        }
        k++;
        opt = (pf & (PARAMFLAG_FOPT | PARAMFLAG_FHASDEFAULT)) ||
              (fd->cParamsOpt > 0 && k > ninputs - (UINT)fd->cParamsOpt);
        /* VT_ERROR DISP_E_PARAMNOTFOUND means "missing" only where the
         * parameter may be missing; elsewhere it is a value to coerce. */
        if (!a || (opt && di_missing(a))) {
            if (!opt) {
                hr = DISP_E_BADPARAMCOUNT;
                goto out;
            }
            if ((pf & PARAMFLAG_FHASDEFAULT) && ed->paramdesc.pparamdescex) {
                VARIANT *def = &ed->paramdesc.pparamdescex->varDefaultValue;
                if ((t & ~VT_BYREF) == VT_VARIANT)
                    hr = VariantCopy(&hold[i], def);
                else
                    hr = VariantChangeType(&hold[i], def, 0, t & ~VT_BYREF);
                if (hr != S_OK) goto out;
                if (t & VT_BYREF) {
                    V_VT(&slot[i]) = t;
                    V_BYREF(&slot[i]) = di_valptr(&hold[i], t & ~VT_BYREF);
                } else {
                    pslot[i] = &hold[i];
                }
            } else if ((t & ~VT_BYREF) == VT_VARIANT) {
                V_VT(&hold[i]) = VT_ERROR;
                V_ERROR(&hold[i]) = DISP_E_PARAMNOTFOUND;
                if (t & VT_BYREF) {
                    V_VT(&slot[i]) = t;
                    V_VARIANTREF(&slot[i]) = &hold[i];
                } else {
                    pslot[i] = &hold[i];
                }
            } else {
                /* [optional] on a type that cannot say "missing" */
                hr = DISP_E_PARAMNOTOPTIONAL;
                goto out;
            }
            continue;
        }
        if (t == VT_VARIANT || V_VT(a) == t) {
            pslot[i] = a; /* passed as it is (a VARIANT by value: the struct) */
        } else if (t == (VT_BYREF | VT_VARIANT)) {
            V_VT(&slot[i]) = t;
            V_VARIANTREF(&slot[i]) = a;
        } else {
            hr = VariantChangeType(&hold[i], a, 0, t & ~VT_BYREF);
            if (hr != S_OK) {
                if (argerr) *argerr = aidx;
                goto out;
            }
            if (t & VT_BYREF) {
                V_VT(&slot[i]) = t;
                V_BYREF(&slot[i]) = di_valptr(&hold[i], t & ~VT_BYREF);
            } else {
                pslot[i] = &hold[i];
            }
        }
    }

    if (fd->elemdescFunc.tdesc.vt == VT_HRESULT)
        vtret = VT_ERROR;
    else if (fd->elemdescFunc.tdesc.vt != VT_VOID) {
        hr = comrt__disp_resolve(ti, &fd->elemdescFunc.tdesc, &vtret, 0);
        if (hr != S_OK) goto out;
    }
    hr = DispCallFunc(inst, (ULONG_PTR)fd->oVft, fd->callconv, vtret, n, vts, pslot, &ret);
    if (hr != S_OK) goto out;
    if (fd->elemdescFunc.tdesc.vt == VT_HRESULT) {
        if (FAILED(V_ERROR(&ret))) {
            comrt__disp_excepinfo(inst, iid, V_ERROR(&ret), ei);
            hr = DISP_E_EXCEPTION;
            goto out;
        }
        VariantInit(&ret);
    }
    if (retval != (UINT)-1) {
        VariantClear(&ret);
        if ((vts[retval] & ~VT_BYREF) == VT_DECIMAL) /* the callee wrote over vt */
            V_VT(&hold[retval]) = VT_DECIMAL;
        ret = hold[retval];
        VariantInit(&hold[retval]);
    }
    if (res) {
        *res = ret;
        VariantInit(&ret);
    }

out:
    VariantClear(&ret);
    for (UINT i = 0; hold && i < n; i++)
        VariantClear(&hold[i]);
    free(slot);
    return hr;
}

/* The interface view of ti for vtable calls: ti itself for an interface,
 * its interface half for a dual dispinterface (AddRef'ed into *view).
 * DISP_E_MEMBERNOTFOUND for other kinds. */
static HRESULT comrt__disp_vtable_view(ITypeInfo *ti, ITypeInfo **view)
{
    TYPEATTR *ta = NULL;
    HREFTYPE href;
    HRESULT hr = ITypeInfo_GetTypeAttr(ti, &ta);
    if (hr != S_OK) return hr;
    if (ta->typekind == TKIND_DISPATCH && (ta->wTypeFlags & TYPEFLAG_FDUAL)) {
        hr = ITypeInfo_GetRefTypeOfImplType(ti, (UINT)-1, &href);
        if (hr == S_OK) hr = ITypeInfo_GetRefTypeInfo(ti, href, view);
        if (hr != S_OK) hr = DISP_E_MEMBERNOTFOUND;
    } else if (ta->typekind == TKIND_COCLASS) {
        hr = DISP_E_MEMBERNOTFOUND;
    } else {
        *view = ti;
        ITypeInfo_AddRef(ti);
    }
    ITypeInfo_ReleaseTypeAttr(ti, ta);
    return hr;
}

HRESULT comrt__disp_typeinfo_plan(ITypeInfo *ti, MEMBERID memid, WORD flags, ITypeInfo **owner, FUNCDESC **fd,
                                  GUID *iid)
{
    ITypeInfo *view = NULL, *o = NULL;
    FUNCDESC *f = NULL;
    TYPEATTR *ta = NULL;
    GUID g;
    HRESULT hr = comrt__disp_vtable_view(ti, &view);
    if (hr != S_OK) goto out;
    hr = ITypeInfo_GetTypeAttr(view, &ta);
    if (hr != S_OK) goto out;
    g = ta->guid;
    ITypeInfo_ReleaseTypeAttr(view, ta);
    hr = comrt__disp_find(view, memid, flags, &o, &f);
    if (hr != S_OK) goto out;
    if (f->funckind != FUNC_PUREVIRTUAL && f->funckind != FUNC_VIRTUAL) {
        ITypeInfo_ReleaseFuncDesc(o, f);
        ITypeInfo_Release(o);
        hr = DISP_E_MEMBERNOTFOUND;
        goto out;
    }
    *owner = o;
    *fd = f;
    *iid = g;
out:
    if (view) ITypeInfo_Release(view);
    return hr;
}

HRESULT comrt__disp_typeinfo_call(ITypeInfo *owner, FUNCDESC *fd, const GUID *iid, void *inst, WORD flags,
                                  DISPPARAMS *dp, VARIANT *res, EXCEPINFO *ei, UINT *argerr)
{
    if (!inst || !dp || (dp->cArgs && !dp->rgvarg) || dp->cNamedArgs > dp->cArgs ||
        (dp->cNamedArgs && !dp->rgdispidNamedArgs))
        return E_INVALIDARG;
    return comrt__disp_call(owner, fd, iid, inst, flags, dp, res, ei, argerr);
}

/*
 * comrt__disp_typeinfo_invoke — ITypeInfo::Invoke for members called
 * through the vtable: ti is an interface, the dispatch view of a dual
 * interface (its interface view is used), or a coclass (its default
 * interface).  inst is the interface pointer.  Errors as ITypeInfo::Invoke.
 */
HRESULT comrt__disp_typeinfo_invoke(ITypeInfo *ti, void *inst, MEMBERID memid, WORD flags, DISPPARAMS *dp,
                                    VARIANT *res, EXCEPINFO *ei, UINT *argerr)
{
    HRESULT hr;
    ITypeInfo *view = NULL, *owner = NULL;
    TYPEATTR *ta = NULL;
    FUNCDESC *fd = NULL;
    HREFTYPE href;
    GUID iid;

    if (!inst || !dp || (dp->cArgs && !dp->rgvarg) || dp->cNamedArgs > dp->cArgs ||
        (dp->cNamedArgs && !dp->rgdispidNamedArgs)) {
        hr = E_INVALIDARG;
        goto out;
    }
    hr = ITypeInfo_GetTypeAttr(ti, &ta);
    if (hr != S_OK) goto out;
    if (ta->typekind == TKIND_COCLASS && ta->cImplTypes > 0) {
        INT f = 0;
        UINT which = 0;
        for (UINT i = 0; i < ta->cImplTypes; i++) {
            if (ITypeInfo_GetImplTypeFlags(ti, i, &f) == S_OK && (f & IMPLTYPEFLAG_FDEFAULT) &&
                !(f & IMPLTYPEFLAG_FSOURCE)) {
                which = i;
                break;
            }
        }
        hr = ITypeInfo_GetRefTypeOfImplType(ti, which, &href);
        if (hr == S_OK) hr = ITypeInfo_GetRefTypeInfo(ti, href, &view);
        ITypeInfo_ReleaseTypeAttr(ti, ta);
        ta = NULL;
        if (hr != S_OK) {
            hr = DISP_E_MEMBERNOTFOUND;
            goto out;
        }
        /* The interface's own Invoke (a dispinterface forwards to the
         * object's IDispatch); a coclass "implementing" a coclass is a
         * corrupt library and would recurse. */
        hr = ITypeInfo_GetTypeAttr(view, &ta);
        if (hr != S_OK) goto out;
        if (ta->typekind == TKIND_COCLASS)
            hr = DISP_E_MEMBERNOTFOUND;
        else
            hr = ITypeInfo_Invoke(view, inst, memid, flags, dp, res, ei, argerr);
        ITypeInfo_ReleaseTypeAttr(view, ta);
        goto out;
    }
    ITypeInfo_ReleaseTypeAttr(ti, ta);
    hr = comrt__disp_typeinfo_plan(ti, memid, flags, &owner, &fd, &iid);
    if (hr != S_OK) goto out;
    hr = comrt__disp_call(owner, fd, &iid, inst, flags, dp, res, ei, argerr);
out:
    if (fd) ITypeInfo_ReleaseFuncDesc(owner, fd);
    if (owner) ITypeInfo_Release(owner);
    if (view) ITypeInfo_Release(view);
    return hr;
}

/*
 * DispInvoke — IDispatch::Invoke for an object described by ptinfo: calls
 * ptinfo->Invoke(_this, ...).  Result, EXCEPINFO and *puArgErr as
 * ITypeInfo::Invoke writes them; the caller owns what *pvarResult and
 * *pexcepinfo receive.  E_INVALIDARG for a NULL ptinfo.
 */
STDAPI DispInvoke(void *_this, ITypeInfo *ptinfo, DISPID dispidMember, WORD wFlags, DISPPARAMS *pparams,
                  VARIANT *pvarResult, EXCEPINFO *pexcepinfo, UINT *puArgErr)
{
    if (!ptinfo) return E_INVALIDARG;
    return ITypeInfo_Invoke(ptinfo, _this, dispidMember, wFlags, pparams, pvarResult, pexcepinfo, puArgErr);
}

/*
 * DispGetIDsOfNames — IDispatch::GetIDsOfNames from a type description:
 * ptinfo->GetIDsOfNames.  E_INVALIDARG for a NULL ptinfo.
 */
STDAPI DispGetIDsOfNames(ITypeInfo *ptinfo, OLECHAR **rgszNames, UINT cNames, DISPID *rgdispid)
{
    if (!ptinfo) return E_INVALIDARG;
    return ITypeInfo_GetIDsOfNames(ptinfo, rgszNames, cNames, rgdispid);
}

/*
 * DispGetParam — the argument at `position` (a named argument whose
 * DISPID is `position`, else rgvarg[cArgs - 1 - position]) coerced to vtTarg into *pvarResult (caller clears it;
 * written only on success).  DISP_E_PARAMNOTFOUND when there is no such
 * argument; a failed coercion's HRESULT (DISP_E_TYPEMISMATCH,
 * DISP_E_OVERFLOW, ...) with *puArgErr = the argument's index in rgvarg.
 * E_INVALIDARG for NULL pdispparams / pvarResult.
 */
STDAPI DispGetParam(DISPPARAMS *pdispparams, UINT position, VARTYPE vtTarg, VARIANT *pvarResult, UINT *puArgErr)
{
    HRESULT hr = DISP_E_PARAMNOTFOUND;
    UINT idx = (UINT)-1;
    VARIANT tmp;

    if (!pdispparams || !pvarResult || pdispparams->cNamedArgs > pdispparams->cArgs ||
        (pdispparams->cArgs && !pdispparams->rgvarg) ||
        (pdispparams->cNamedArgs && !pdispparams->rgdispidNamedArgs)) {
        hr = E_INVALIDARG;
        goto out;
    }
    /* A named argument whose DISPID is `position` first; else counted
     * from the end of rgvarg over all cArgs, as the oracle does. */
    for (UINT j = 0; j < pdispparams->cNamedArgs; j++) {
        if (pdispparams->rgdispidNamedArgs[j] == (DISPID)position) {
            idx = j;
            break;
        }
    }
    if (idx == (UINT)-1 && position < pdispparams->cArgs)
        idx = pdispparams->cArgs - 1 - position;
    if (idx == (UINT)-1) goto out;
    VariantInit(&tmp);
    hr = VariantChangeType(&tmp, &pdispparams->rgvarg[idx], 0, vtTarg);
    if (hr != S_OK) {
        if (puArgErr) *puArgErr = idx;
        goto out;
    }
    *pvarResult = tmp;
out:
    return hr;
}
